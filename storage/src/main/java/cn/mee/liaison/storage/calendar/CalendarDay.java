package cn.mee.liaison.storage.calendar;

import java.time.Instant;
import java.time.LocalDate;

/** A day that is not what its weekday says: a holiday, or a make-up working day; where the entry came from. */
public record CalendarDay(LocalDate day, DayKind kind, String name, String source, String updatedBy,
                          Instant updatedAt) {
}
