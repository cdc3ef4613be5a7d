package cn.mee.liaison.bench;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The latencies of an open-loop phase second by second (by the second each message was due): the worst of each
 * second, and which seconds had a message slower than a threshold, with their wall-clock time, so that a tail can be
 * set beside what else happened then (the bot's GC log, its periodic work, the server's flushing).
 */
final class Timeline {

    private final LocalTime start = LocalTime.now().truncatedTo(ChronoUnit.MILLIS);
    private final long startNanos = System.nanoTime();
    private final AtomicLongArray maxMicros;
    private final AtomicLongArray slow;
    private final long slowMicros;

    Timeline(int seconds, long slowMillis) {
        this.maxMicros = new AtomicLongArray(seconds + 1);
        this.slow = new AtomicLongArray(seconds + 1);
        this.slowMicros = slowMillis * 1000;
    }

    long startNanos() {
        return startNanos;
    }

    void record(long dueNanos, long micros) {
        int second = (int) Math.min(maxMicros.length() - 1, Math.max(0, (dueNanos - startNanos) / 1_000_000_000L));
        maxMicros.accumulateAndGet(second, micros, Math::max);
        if (micros > slowMicros) {
            slow.incrementAndGet(second);
        }
    }

    /** One line of each second's worst latency in ms, and the seconds with slow messages. */
    List<String> lines() {
        StringBuilder worst = new StringBuilder("worst of each second (ms, from " + start + "):");
        List<String> slowSeconds = new ArrayList<>();
        for (int s = 0; s < maxMicros.length(); s++) {
            worst.append(' ').append(Math.round(maxMicros.get(s) / 1000.0));
            if (slow.get(s) > 0) {
                slowSeconds.add(start.plusSeconds(s) + " (" + slow.get(s) + ")");
            }
        }
        return List.of(worst.toString(), "seconds with messages over " + slowMicros / 1000 + " ms (how many): "
                + (slowSeconds.isEmpty() ? "none" : String.join(", ", slowSeconds)));
    }
}
