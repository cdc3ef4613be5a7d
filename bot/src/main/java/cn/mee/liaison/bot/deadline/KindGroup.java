package cn.mee.liaison.bot.deadline;

/**
 * The kinds of deadline as the console lists and filters them: the contract's kinds, a round's summary, evaluation
 * and the next round's personnel list together.
 */
public enum KindGroup {
    QUARTERLY_REPORT("季度书面报告"),
    CITY_FEEDBACK("正式情况反馈"),
    ROUND_SUMMARY("轮次总结·考评·人员名单"),
    CUSTOM("自定义");

    private final String label;

    KindGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static KindGroup of(Deadline deadline) {
        return valueOf(deadline.contractKind());
    }
}
