package cn.mee.liaison.bot.channel.wecom;

import cn.mee.liaison.bot.channel.wecom.api.WeComFailure;
import cn.mee.liaison.bot.outbox.Delivery;
import cn.mee.liaison.bot.outbox.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Runs one send to WeCom and says what became of it, in the outbox's terms. */
public final class WeComDelivery {

    /** WeCom's per-minute limits block for the rest of the minute. */
    private static final Duration RATE_LIMITED_PAUSE = Duration.ofSeconds(60);
    /** The backoff of a call a user waits on: 1 s, 2 s, 4 s, 4 s … (each ±20 %). */
    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(4);

    private WeComDelivery() {
    }

    public static Delivery attempt(Runnable send) {
        try {
            send.run();
            return Delivery.sent();
        } catch (WeComFailure failure) {
            return of(failure);
        }
    }

    public static Delivery attempt(Supplier<Delivery> send) {
        try {
            return send.get();
        } catch (WeComFailure failure) {
            return of(failure);
        }
    }

    public static Delivery of(WeComFailure failure) {
        return switch (failure.kind()) {
            case TRANSIENT -> failure.rateLimited()
                    ? Delivery.retryAfter(failure.describe(), RATE_LIMITED_PAUSE)
                    : Delivery.retry(failure.describe());
            case TOKEN -> Delivery.retry(failure.describe());
            case PERMANENT -> Delivery.failed(failure.describe());
        };
    }

    /**
     * Runs a call a user waits on (creating a group chat), again with backoff for as long as WeCom answers with a
     * failure the outbox would retry (45009, 45033, -1, 5xx), within {@code budget}; then gives up with a failure
     * saying so. A call that got no answer (a timeout, a dropped connection) is not repeated: WeCom may have carried
     * it out. A rate limit's minute is not waited for here: the user is not kept that long.
     */
    public static <T> T whileWaitedOn(Supplier<T> call, Duration budget, Clock clock) {
        Instant deadline = clock.instant().plus(budget);
        Duration waited = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (WeComFailure failure) {
                if (!(of(failure) instanceof Delivery.Retry) || !failure.answered()) {
                    throw failure;
                }
                Duration wait = RetryPolicy.delay(attempt, FIRST_WAIT, LONGEST_WAIT);
                waited = waited.plus(wait);
                if (waited.compareTo(budget) > 0 || clock.instant().plus(wait).isAfter(deadline)) {
                    throw new WeComFailure(failure.kind(), "企业微信繁忙，" + budget.toSeconds() + " 秒内尝试 " + attempt
                            + " 次均未成功，请稍后再试（" + failure.describe() + "）", failure);
                }
                pause(wait, failure);
            }
        }
    }

    private static void pause(Duration wait, WeComFailure failure) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }
}
