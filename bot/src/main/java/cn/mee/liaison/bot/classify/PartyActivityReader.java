package cn.mee.liaison.bot.classify;

import java.util.List;

/** A party-building activity of the temporary party branch (第二条(二), 第五条(五)). */
final class PartyActivityReader implements FreeTextReader {

    /** Forms of activity, the more specific first (专题党课 before 党课). */
    static final List<String> FORMS = List.of(
            "主题党日", "专题党课", "组织生活会", "民主生活会", "重温入党誓词", "专题学习", "集中学习", "学习研讨", "交流研讨",
            "专题研讨", "参观学习", "谈心谈话", "支部委员会", "支部大会", "党员大会", "党小组会", "读书班", "知识竞赛",
            "志愿服务", "党课");

    @Override
    public void fill(Draft draft) {
        String text = draft.text();
        FORMS.stream().filter(text::contains).findFirst().ifPresent(form -> draft.offer("form", form));
        draft.offer("participants", HeadCounts.find(draft.masked()));
        draft.offer("content", draft.untouchedText());
    }
}
