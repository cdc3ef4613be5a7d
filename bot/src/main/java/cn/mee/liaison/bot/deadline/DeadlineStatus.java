package cn.mee.liaison.bot.deadline;

/** Where a deadline stands: open, done, or open past its day. */
public enum DeadlineStatus {
    OPEN("待完成"),
    DONE("已完成"),
    OVERDUE("已逾期");

    private final String label;

    DeadlineStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
