package cn.mee.liaison.bot.deadline;

/**
 * How many open deadlines a viewer has: overdue (in the last {@link #OVERDUE_DAYS} days) and due within the next
 * {@link #WEEK} days (today included).
 */
public record DueCounts(long overdue, long dueThisWeek) {

    public static final int OVERDUE_DAYS = 90;
    public static final int WEEK = 7;
}
