package cn.mee.liaison.scheduler.deadline;

import java.time.LocalDate;
import java.util.Objects;

/** A round (轮次) of the work groups: its name as people read it (e.g. {@code 2026年秋冬季第一轮}), first and last day. */
public record Round(String name, LocalDate start, LocalDate end) {

    public Round {
        Obligation.requireName(name, "round");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("round " + name + " ends (" + end + ") before it starts (" + start + ")");
        }
    }
}
