package cn.mee.liaison.bot.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter: 5 s, 10 s, 20 s … capped at 15 minutes, each ±20 %. */
final class RetryPolicy {

    private static final Duration FIRST = Duration.ofSeconds(5);
    private static final Duration CAP = Duration.ofMinutes(15);

    private RetryPolicy() {
    }

    static Instant nextAttempt(Instant now, int attemptsSoFar, Duration atLeast) {
        long base = Math.min(CAP.toMillis(), FIRST.toMillis() << Math.min(attemptsSoFar - 1, 20));
        long jitter = (long) (base * (ThreadLocalRandom.current().nextDouble(0.4) - 0.2));
        Duration delay = Duration.ofMillis(Math.max(1000, base + jitter));
        if (atLeast != null && atLeast.compareTo(delay) > 0) {
            delay = atLeast;
        }
        return now.plus(delay);
    }
}
