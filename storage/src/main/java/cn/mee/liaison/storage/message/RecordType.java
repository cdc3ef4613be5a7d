package cn.mee.liaison.storage.message;

/**
 * What a filed message is, in the bureau's own terms (domain.md, "What arrives in the groups").
 * The Chinese label is what people read in the console, replies and exports.
 */
public enum RecordType {
    DAILY_REPORT("每日调度"),
    PROBLEM("发现问题"),
    RECTIFICATION_CHECK("督办核查"),
    PARTY_ACTIVITY("党建活动"),
    MEETING_FILING("会议备案"),
    INTERVIEW_FEEDBACK("约见反馈"),
    BRIEF("工作简报"),
    TYPICAL_CASE("典型案例"),
    EMERGENCY("突发情况"),
    PERSONNEL_CHANGE("人员替换"),
    APPEAL("申诉"),
    ASSISTANCE_REQUEST("帮扶需求"),
    /** A public pollution complaint: pointed to the 12369 hotline and filed, never handled as a case (第八条(二)). */
    PUBLIC_COMPLAINT("群众举报(已引导)"),
    ACK("收到回执"),
    /** A control command to the bot (帮助, 查询 …) that records nothing of its own. */
    COMMAND("机器人指令"),
    CHAT("其他消息");

    private final String label;

    RecordType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
