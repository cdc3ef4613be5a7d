package cn.mee.liaison.bot.pacing;

import java.time.Duration;

/**
 * One limit a send must stay under: at most {@code limit} weight in any {@code window} in the bucket. A concurrency
 * limit is a pace whose slots are given back when the send is over (the window then only bounds a crashed holder).
 *
 * @param weight what this send counts for (1, or the members a group message reaches)
 * @param jitter a send that must wait for this bucket waits up to this much longer, at random (zero: exactly)
 */
public record Pace(String bucket, long limit, Duration window, int weight, boolean concurrency, Duration jitter) {

    public static Pace rate(String bucket, long limit, Duration window) {
        return new Pace(bucket, limit, window, 1, false, Duration.ZERO);
    }

    public static Pace weighted(String bucket, long limit, Duration window, int weight) {
        return new Pace(bucket, limit, window, weight, false, Duration.ZERO);
    }

    public static Pace inFlight(String bucket, long limit, Duration lease) {
        return new Pace(bucket, limit, lease, 1, true, Duration.ZERO);
    }

    /** At least {@code gap} between two sends, and a random part of {@code jitter} more when a send must wait. */
    public static Pace spaced(String bucket, Duration gap, Duration jitter) {
        return new Pace(bucket, 1, gap, 1, false, jitter);
    }
}
