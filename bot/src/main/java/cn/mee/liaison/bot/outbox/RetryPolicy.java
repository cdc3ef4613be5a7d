package cn.mee.liaison.bot.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: for the outbox 5 s, 10 s, 20 s … capped at 15 minutes, each ±20 %; the same curve
 * from a shorter start for a call a user waits on.
 */
public final class RetryPolicy {

    private static final Duration FIRST = Duration.ofSeconds(5);
    private static final Duration CAP = Duration.ofMinutes(15);

    private RetryPolicy() {
    }

    static Instant nextAttempt(Instant now, int attemptsSoFar, Duration atLeast) {
        Duration delay = delay(attemptsSoFar, FIRST, CAP);
        if (atLeast != null && atLeast.compareTo(delay) > 0) {
            delay = atLeast;
        }
        return now.plus(delay);
    }

    /** How long to wait after the given number of failed attempts: first, doubling up to cap, each ±20 %. */
    public static Duration delay(int attemptsSoFar, Duration first, Duration cap) {
        long base = Math.min(cap.toMillis(), first.toMillis() << Math.min(attemptsSoFar - 1, 20));
        long jitter = (long) (base * (ThreadLocalRandom.current().nextDouble(0.4) - 0.2));
        return Duration.ofMillis(Math.max(Math.min(1000, first.toMillis()), base + jitter));
    }
}
