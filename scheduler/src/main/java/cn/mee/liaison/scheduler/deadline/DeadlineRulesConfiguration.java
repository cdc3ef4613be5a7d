package cn.mee.liaison.scheduler.deadline;

import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The deadline rules of the deployment: the autumn-winter campaign period ({@code liaison.autumn-winter.start} and
 * {@code .end} as {@code MM-dd}, default 10-01 to 03-31 of the next year), and how many days before a round starts
 * its personnel list is due ({@code liaison.deadlines.personnel-list-lead-days}, default 7).
 */
@Configuration(proxyBeanMethods = false)
public class DeadlineRulesConfiguration {

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    @Bean
    AutumnWinterSeason autumnWinterSeason(@Value("${liaison.autumn-winter.start:10-01}") String start,
                                          @Value("${liaison.autumn-winter.end:03-31}") String end) {
        return new AutumnWinterSeason(monthDay("liaison.autumn-winter.start", start),
                monthDay("liaison.autumn-winter.end", end));
    }

    @Bean
    QuarterlyReportRule quarterlyReportRule() {
        return new QuarterlyReportRule();
    }

    @Bean
    CityFeedbackRule cityFeedbackRule(AutumnWinterSeason season) {
        return new CityFeedbackRule(season);
    }

    @Bean
    RoundRules roundRules(@Value("${liaison.deadlines.personnel-list-lead-days:7}") int personnelListLeadDays,
                          @Value("${liaison.deadlines.personnel-list-before-end-days:7}") int beforeEndDays) {
        return new RoundRules(personnelListLeadDays, beforeEndDays);
    }

    /** A {@code MM-dd} setting, refused with its name when malformed. */
    public static MonthDay monthDay(String property, String value) {
        try {
            return MonthDay.parse(value.strip(), MONTH_DAY);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(property + " must be MM-dd, e.g. 10-01, not " + value, e);
        }
    }
}
