package cn.mee.liaison.scheduler.deadline;

import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The autumn-winter campaign period of the deployment: {@code liaison.autumn-winter.start} and {@code .end} as
 * {@code MM-dd} (default 10-01 to 03-31 of the next year).
 */
@Configuration(proxyBeanMethods = false)
public class SeasonConfiguration {

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    @Bean
    AutumnWinterSeason autumnWinterSeason(@Value("${liaison.autumn-winter.start:10-01}") String start,
                                          @Value("${liaison.autumn-winter.end:03-31}") String end) {
        return new AutumnWinterSeason(monthDay("liaison.autumn-winter.start", start),
                monthDay("liaison.autumn-winter.end", end));
    }

    private static MonthDay monthDay(String property, String value) {
        try {
            return MonthDay.parse(value.strip(), MONTH_DAY);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(property + " must be MM-dd, e.g. 10-01, not " + value, e);
        }
    }
}
