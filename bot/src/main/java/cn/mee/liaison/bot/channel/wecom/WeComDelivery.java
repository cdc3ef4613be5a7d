package cn.mee.liaison.bot.channel.wecom;

import cn.mee.liaison.bot.channel.wecom.api.WeComFailure;
import cn.mee.liaison.bot.outbox.Delivery;
import java.time.Duration;
import java.util.function.Supplier;

/** Runs one send to WeCom and says what became of it, in the outbox's terms. */
public final class WeComDelivery {

    /** WeCom's per-minute limits block for the rest of the minute. */
    private static final Duration RATE_LIMITED_PAUSE = Duration.ofSeconds(60);

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
}
