package cn.mee.liaison.bot.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeUnit;

/** The messages waiting for a filing transaction (GroupCommit), as its gauge tells them. */
public final class FilingQueue {

    private FilingQueue() {
    }

    /** Waits (up to 20 s) until exactly {@code messages} wait for a committer; fails otherwise. */
    public static void awaitWaiting(MeterRegistry meters, int messages) {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (waiting(meters) < messages && System.nanoTime() < giveUp) {
            Thread.onSpinWait();
        }
        assertThat(waiting(meters)).as("messages waiting for a committer").isEqualTo(messages);
    }

    private static int waiting(MeterRegistry meters) {
        return (int) meters.get("liaison.filing.waiting").gauge().value();
    }
}
