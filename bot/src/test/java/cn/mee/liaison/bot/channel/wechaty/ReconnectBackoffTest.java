package cn.mee.liaison.bot.channel.wechaty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The waits before reconnecting: doubled to the cap, started over only after a login or a long enough connection. */
class ReconnectBackoffTest {

    private static final Instant T0 = Instant.parse("2026-11-30T02:00:00Z");
    private final ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofSeconds(60));

    @Test
    void eachFailureDoublesTheWaitUpToTheCap() {
        List<Long> waits = new ArrayList<>();
        Instant now = T0;
        for (int i = 0; i < 8; i++) {
            backoff.connected(now);
            now = now.plusSeconds(2); // greeted, then refused: a short connection
            waits.add(backoff.next(now).toSeconds());
        }
        assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void aLoginStartsOver() {
        backoff.next(T0);
        backoff.next(T0);
        assertThat(backoff.next(T0)).isEqualTo(Duration.ofSeconds(4));
        backoff.loggedIn();
        assertThat(backoff.next(T0)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aConnectionThatStayedUpLongEnoughStartsOverAndAShorterOneDoesNot() {
        backoff.next(T0);
        backoff.next(T0);
        backoff.connected(T0);
        assertThat(backoff.next(T0.plusSeconds(59))).isEqualTo(Duration.ofSeconds(4));
        backoff.connected(T0.plusSeconds(100));
        assertThat(backoff.next(T0.plusSeconds(160))).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.next(T0.plusSeconds(161))).as("no connection in between").isEqualTo(Duration.ofSeconds(2));
    }
}
