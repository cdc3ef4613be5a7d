package cn.mee.liaison.bot.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.mee.liaison.testsupport.MutableClock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RepeatedWarningsTest {

    private final MutableClock clock = MutableClock.at(LocalDateTime.of(2026, 12, 1, 9, 0));
    private final Logger logger = (Logger) LoggerFactory.getLogger("test.repeated-warnings");
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final RepeatedWarnings warnings = new RepeatedWarnings(logger, clock, Duration.ofMinutes(1));

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    @Test
    void aFloodOfOneKindIsOneLineAMinuteThatCountsWhatWasLeftOut() {
        for (int i = 0; i < 500; i++) {
            warnings.warn("ROBOT 503", "refused a {} callback: {}", "ROBOT", "database unavailable #" + i);
            clock.advance(Duration.ofMillis(100));
        }
        // 50 s of refusals: only the first
        assertThat(lines()).containsExactly("refused a ROBOT callback: database unavailable #0");

        clock.advance(Duration.ofSeconds(10));
        warnings.warn("ROBOT 503", "refused a {} callback: {}", "ROBOT", "database unavailable #500");
        assertThat(lines()).containsExactly("refused a ROBOT callback: database unavailable #0",
                "refused a ROBOT callback: database unavailable #500 (and 499 more like it since the last one logged)");

        clock.advance(Duration.ofMinutes(5));
        warnings.warn("ROBOT 503", "refused a {} callback: {}", "ROBOT", "database unavailable #501");
        assertThat(lines()).last().isEqualTo("refused a ROBOT callback: database unavailable #501");
        assertThat(logged.list).allSatisfy(event -> assertThat(event.getLevel().toString()).isEqualTo("WARN"));
    }

    @Test
    void eachKindHasItsOwnWindow() {
        warnings.warn("ROBOT 503", "refused: {}", "database");
        warnings.warn("ROBOT 403", "refused: {}", "signature");
        warnings.warn("ROBOT 503", "refused: {}", "database again");
        warnings.warn("APP 403", "refused: {}", "signature");

        assertThat(lines()).containsExactly("refused: database", "refused: signature", "refused: signature");
    }

    private List<String> lines() {
        return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
