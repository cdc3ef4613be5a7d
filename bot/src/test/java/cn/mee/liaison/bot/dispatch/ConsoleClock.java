package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.testsupport.MutableClock;
import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The one clock of the bot that the console tests of the dispatch run (DispatchPagesTest, DispatchBrowserTest): they
 * share one running bot, and each test sets the time it needs before it acts.
 */
@TestConfiguration
public class ConsoleClock {

    public static final MutableClock CLOCK = MutableClock.at(LocalDateTime.of(2026, 10, 13, 9, 0));

    @Bean
    @Primary
    Clock consoleClock() {
        return CLOCK;
    }
}
