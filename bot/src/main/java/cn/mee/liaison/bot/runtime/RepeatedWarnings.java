package cn.mee.liaison.bot.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;

/**
 * Warnings that come in floods — every callback refused while the database is away, every forged request of someone
 * trying, every poll of the outbox that cannot reach the database: the first of a kind is logged at once, the ones
 * after it within the interval are only counted, and the first one after the interval is logged with how many were
 * left out. The kinds are the caller's (a door and a status, a worker's step). A count left out is told with the next
 * warning of its kind; the metrics of the callers count every one.
 */
public final class RepeatedWarnings {

    private final Logger log;
    private final Clock clock;
    private final Duration interval;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    /** What was logged last of a kind, and what has been left out since; {@code tell} decides the call at hand. */
    private record Window(Instant loggedAt, long leftOut, boolean tell, long toldLeftOut) {
    }

    public RepeatedWarnings(Logger log, Clock clock, Duration interval) {
        this.log = log;
        this.clock = clock;
        this.interval = interval;
    }

    /**
     * Logs {@code format} (SLF4J placeholders; the arguments end with no exception) at WARN, unless a warning of
     * {@code kind} was logged within the interval.
     */
    public void warn(String kind, String format, Object... arguments) {
        Instant now = clock.instant();
        Window window = windows.compute(kind, (k, last) -> {
            if (last == null || !now.isBefore(last.loggedAt().plus(interval))) {
                return new Window(now, 0, true, last == null ? 0 : last.leftOut());
            }
            return new Window(last.loggedAt(), last.leftOut() + 1, false, 0);
        });
        if (!window.tell()) {
            return;
        }
        if (window.toldLeftOut() == 0) {
            log.warn(format, arguments);
        } else if (log.isWarnEnabled()) {
            Object[] withCount = Arrays.copyOf(arguments, arguments.length + 1);
            withCount[arguments.length] = window.toldLeftOut();
            log.warn(format + " (and {} more like it since the last one logged)", withCount);
        }
    }
}
