package cn.mee.liaison.bot.channel.wechaty;

import java.time.Duration;
import java.time.Instant;

/**
 * How long to wait before connecting to the puppet service again: the first wait, doubled after each failure up to
 * the longest. It starts over only after a login, or after a connection that stayed up long enough — not on any
 * event, since a service greets every new stream with a heartbeat even when it then refuses to start.
 */
final class ReconnectBackoff {

    private final Duration first;
    private final Duration longest;
    private final Duration resetAfter;
    private int failures;
    private Instant connectedAt;

    ReconnectBackoff(Duration first, Duration longest, Duration resetAfter) {
        this.first = first;
        this.longest = longest;
        this.resetAfter = resetAfter;
    }

    /** A connection was opened at this time. */
    synchronized void connected(Instant at) {
        connectedAt = at;
    }

    /** The account logged in: the connection works. */
    synchronized void loggedIn() {
        failures = 0;
    }

    /** The connection broke at this time: the wait before the next one (without jitter). */
    synchronized Duration next(Instant brokenAt) {
        if (connectedAt != null && Duration.between(connectedAt, brokenAt).compareTo(resetAfter) >= 0) {
            failures = 0;
        }
        connectedAt = null;
        long millis = Math.min(longest.toMillis(), first.toMillis() << Math.min(failures, 20));
        failures++;
        return Duration.ofMillis(millis);
    }
}
