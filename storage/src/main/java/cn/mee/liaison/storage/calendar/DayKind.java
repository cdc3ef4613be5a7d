package cn.mee.liaison.storage.calendar;

/** What a day is when the calendar says something special about it. */
public enum DayKind {
    /** A public holiday or a day off that would otherwise be a working day. */
    HOLIDAY,
    /** A make-up working day (调休上班), often a Saturday or Sunday. */
    WORKDAY
}
