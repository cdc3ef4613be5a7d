package cn.mee.liaison.bot.outbox;

import java.time.Duration;

/** What a door says about one attempt to deliver an outbox row. */
public sealed interface Delivery {

    static Delivery sent() {
        return new Sent();
    }

    /** A transient failure (busy, rate limited, timeout): try again later. */
    static Delivery retry(String error) {
        return new Retry(error, null);
    }

    static Delivery retryAfter(String error, Duration after) {
        return new Retry(error, after);
    }

    /** A permanent failure (no such chat, bot removed): do not try again. */
    static Delivery failed(String error) {
        return new Failed(error);
    }

    record Sent() implements Delivery {
    }

    /** @param after at least this long before the next attempt, when the platform said so; else backoff decides */
    record Retry(String error, Duration after) implements Delivery {
    }

    record Failed(String error) implements Delivery {
    }
}
