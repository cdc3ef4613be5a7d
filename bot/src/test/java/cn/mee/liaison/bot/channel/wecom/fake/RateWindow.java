package cn.mee.liaison.bot.channel.wecom.fake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** A sliding-window limit per key on the fake's clock: at most {@code limit} events in any {@code window}. */
final class RateWindow {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> events = new HashMap<>();

    RateWindow(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Counts an event for the key if the window has room; false (and nothing counted) if it is full. */
    synchronized boolean tryAcquire(String key) {
        if (!hasRoom(key)) {
            return false;
        }
        count(key);
        return true;
    }

    /** Whether one more event fits into the window ending now. */
    synchronized boolean hasRoom(String key) {
        return recent(key).size() < limit;
    }

    /** Counts an event now, room or not. */
    synchronized void count(String key) {
        recent(key).addLast(clock.instant());
    }

    private Deque<Instant> recent(String key) {
        Deque<Instant> seen = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        Instant horizon = clock.instant().minus(window);
        while (!seen.isEmpty() && !seen.peekFirst().isAfter(horizon)) {
            seen.removeFirst();
        }
        return seen;
    }

    synchronized void clear() {
        events.clear();
    }
}
