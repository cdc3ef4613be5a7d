package cn.mee.liaison.bot.dispatch;

/** Where a group stands with the day's report. */
public enum ReportStatus {
    SUBMITTED("已报"),
    LATE("迟报"),
    MISSING("未报");

    private final String label;

    ReportStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
