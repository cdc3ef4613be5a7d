package cn.mee.liaison.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** Real time plus an offset that tests move forward: things happen as usual, and waiting is skipped by advancing. */
public final class OffsetClock extends Clock {

    private final ZoneId zone;
    private volatile Duration offset = Duration.ZERO;

    public OffsetClock(ZoneId zone) {
        this.zone = zone;
    }

    public static OffsetClock shanghai() {
        return new OffsetClock(ZoneId.of("Asia/Shanghai"));
    }

    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        OffsetClock clock = new OffsetClock(newZone);
        clock.offset = offset;
        return clock;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
