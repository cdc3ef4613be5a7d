package cn.mee.liaison.bot.classify;

import java.util.regex.Pattern;

/**
 * A formal meeting with the city (第八条(七)): it needs the lead unit's leader's approval first and is filed with the
 * bureau after, with its units, head count and content.
 */
final class MeetingReader implements FreeTextReader {

    private static final Pattern APPROVED_BY = Pattern.compile(
            "经\\s*(?:请示)?\\s*([^,;。\\n]{2,24}?)\\s*(?:审批同意|批准同意|同意|批准|审批)");
    /** 王局:经您同意后… — the approver is the leader the message is addressed to. */
    private static final Pattern ADDRESSEE_APPROVED = Pattern.compile(
            "^\\s*([^:,\\n]{1,8}?)\\s*[:,][^\\n]*?经\\s*(?:您|你)\\s*(?:同意|批准|审批)");
    private static final Pattern ASKED = Pattern.compile(
            "请示\\s*([^,;。\\n]{2,24}?)\\s*(?:审批同意|批准同意|同意|批准)");
    private static final Pattern SUBMITTED_TO = Pattern.compile("(?:已)?报(?:请)?\\s*([^,;。\\n]{2,20}?)\\s*(?:审批|批准)");
    private static final Pattern UNITS_NAMED = Pattern.compile(
            "(?:参会单位|参加单位|与会单位)\\s*(?:有|包括|为|是)?\\s*([^;。\\n]+?)(?=,?\\s*(?:共|参会人数|人数)|[;。\\n]|$)");
    private static final Pattern UNITS_INVITED = Pattern.compile(
            "(?:邀请|召集|组织)\\s*([^,;。\\n]{2,40}?)\\s*(?:等单位|等部门)?\\s*(?:负责同志|相关负责人|负责人)?\\s*"
                    + "(?:参加|参会|召开|座谈|开会|共同)");

    @Override
    public void fill(Draft draft) {
        String text = draft.text();
        draft.offer("approver", FreeTextReader.firstGroup(ADDRESSEE_APPROVED, text)
                .or(() -> FreeTextReader.firstGroup(APPROVED_BY, text))
                .or(() -> FreeTextReader.firstGroup(ASKED, text))
                .or(() -> FreeTextReader.firstGroup(SUBMITTED_TO, text)));
        draft.offer("units", FreeTextReader.firstGroup(UNITS_NAMED, text)
                .or(() -> FreeTextReader.firstGroup(UNITS_INVITED, text)));
        draft.offer("participants", HeadCounts.find(draft.masked()));
        draft.offer("content", draft.untouchedText());
    }
}
