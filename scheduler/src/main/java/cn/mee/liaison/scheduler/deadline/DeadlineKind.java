package cn.mee.liaison.scheduler.deadline;

/** The kinds of obligation that the rules (环办执法〔2019〕50号) put on a calendar, each with the label people read. */
public enum DeadlineKind {

    /** 第九条: each responsible unit's written progress report, every quarter from 2020 (twice in 2019). */
    QUARTERLY_REPORT("季度书面报告"),
    /** 第十条: the formal feedback meeting with a city's party committee and government. */
    CITY_FEEDBACK("对城市正式反馈"),
    /** 第四条(四): the central group's work summary of a round. */
    ROUND_SUMMARY("轮次工作总结"),
    /** 第十二条: the central group's evaluation suggestions for a round, recommending 1-2 individuals. */
    EVALUATION("考评建议"),
    /** 第三条(三): the personnel list of the next round, sent to the bureau in time. */
    PERSONNEL_LIST("下轮人员名单"),
    /** Anything the bureau puts on the calendar itself. */
    CUSTOM("自定义");

    private final String label;

    DeadlineKind(String label) {
        this.label = label;
    }

    /** The Chinese label, e.g. {@code 季度书面报告}. */
    public String label() {
        return label;
    }
}
