package cn.mee.liaison.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A clock tests move by hand instead of sleeping. Zone Asia/Shanghai unless told otherwise. */
public final class MutableClock extends Clock {

    private volatile Instant now;
    private final ZoneId zone;

    public MutableClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    public static MutableClock at(LocalDateTime shanghaiTime) {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        return new MutableClock(shanghaiTime.atZone(zone).toInstant(), zone);
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public void set(LocalDateTime localTime) {
        now = localTime.atZone(zone).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new MutableClock(now, newZone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
