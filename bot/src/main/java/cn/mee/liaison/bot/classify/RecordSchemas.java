package cn.mee.liaison.bot.classify;

import cn.mee.liaison.storage.message.RecordType;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cn.mee.liaison.bot.classify.FieldSpec.date;
import static cn.mee.liaison.bot.classify.FieldSpec.number;
import static cn.mee.liaison.bot.classify.FieldSpec.text;

/**
 * The fields of each record type (domain.md, "What arrives in the groups"), with the names people use for them.
 * See {@link FieldSpec} for the alias syntax ({@code …} is a short gap).
 */
public final class RecordSchemas {

    private static final String[] COUNTY_ALIASES = {"区县", "县(区)", "县(市、区)", "县(市区)", "所在县区", "所属县区",
            "所在区县", "属地"};

    private static final Map<RecordType, List<FieldSpec>> FIELDS = new EnumMap<>(RecordType.class);
    /** Groups of fields of which at least one must be present; the first is reported when none is. */
    private static final Map<RecordType, List<FieldSpec>> AT_LEAST_ONE = new EnumMap<>(RecordType.class);

    static {
        FIELDS.put(RecordType.DAILY_REPORT, List.of(
                number("enterprisesChecked", "检查企业数", true,
                        "检查…企业", "排查…企业", "走访…企业", "抽查…企业", "查了…企业", "查看…企业", "现场检查…企业",
                        "检查…单位", "企业检查", "检查…家", "排查…家", "走访…家", "查了…家",
                        // a slip of the pinyin input method (jiancha), and the terse 企业12家,问题3个,督办1个
                        "检察…企业", "^企业"),
                number("problemsFound", "发现问题数", true,
                        "发现…问题", "问题数", "发现…处", "^问题"),
                number("assignedChecked", "督办问题核查数", true,
                        "督办…核查", "核查…督办", "核查…交办", "督办问题", "督办件", "督查核查", "^督办"),
                number("problemsAssigned", "交办问题数", false,
                        "交办", "移交…问题"),
                text("tomorrowPlan", "明日计划", true,
                        "明天计划", "明日安排", "明天安排", "明日工作计划", "明日工作", "明天工作", "下一步工作",
                        "下一步计划", "下步计划", "下一步", "计划明天", "计划明日", "明日", "明天"),
                text("other", "其他", false,
                        "其它", "备注", "其他事项", "其他情况", "另外,", "另外:")));
        FieldSpec enterprise = text("enterprise", "企业名称", false,
                "企业", "单位名称", "单位", "公司名称", "公司", "被检查单位", "检查对象");
        FieldSpec location = text("location", "地点", false, "地址", "位置", "具体位置", "具体地点", "点位", "所在地");
        FIELDS.put(RecordType.PROBLEM, List.of(
                enterprise,
                text("county", "县区", false, COUNTY_ALIASES),
                location,
                text("category", "问题类别", false, "问题类型", "类别", "类型"),
                text("description", "问题描述", true,
                        "问题", "存在问题", "描述", "具体问题", "主要问题", "问题情况", "情况")));
        AT_LEAST_ONE.put(RecordType.PROBLEM, List.of(enterprise, location));
        FIELDS.put(RecordType.RECTIFICATION_CHECK, List.of(
                text("problemRef", "问题编号或对象", true,
                        "问题编号", "编号", "督办问题", "核查对象", "对象", "问题", "企业名称", "企业"),
                text("result", "整改结果", true, "结果", "整改情况", "是否整改", "整改状态", "核查结论", "结论"),
                text("evidence", "核查情况", false, "现场核查情况", "情况说明", "现场情况", "核查说明", "说明", "情况")));
        FIELDS.put(RecordType.PARTY_ACTIVITY, List.of(
                date("date", "活动日期", false, "活动时间", "日期", "时间"),
                text("form", "活动形式", false, "形式", "活动类型"),
                number("participants", "参加人数", false, "参会人数", "参与人数", "出席人数", "人数", "参加人员"),
                text("content", "活动内容", true, "内容", "活动主题", "主题")));
        FIELDS.put(RecordType.MEETING_FILING, List.of(
                date("date", "会议日期", false, "会议时间", "日期", "时间"),
                text("approver", "审批领导", true, "审批人", "批准人", "批准领导", "审批"),
                text("units", "参会单位", false, "参加单位", "与会单位"),
                number("participants", "参会人数", false, "参加人数", "与会人数", "人数", "参会人员"),
                text("content", "会议内容", true, "会议主题", "会议议题", "内容", "主题", "议题")));
        FIELDS.put(RecordType.INTERVIEW_FEEDBACK, List.of(
                date("date", "约见日期", false, "约见时间", "日期", "时间"),
                text("county", "县区", false, COUNTY_ALIASES),
                text("officials", "约见对象", true, "约见人员", "对象", "约见"),
                text("problems", "反馈问题", true, "反馈内容", "主要问题", "问题", "反馈")));
        FIELDS.put(RecordType.BRIEF, List.of(
                text("title", "标题", false, "题目"),
                text("content", "内容", true, "正文")));
        FIELDS.put(RecordType.TYPICAL_CASE, List.of(
                text("title", "标题", false, "题目", "案例名称"),
                text("content", "案例内容", true, "内容", "正文", "基本情况")));
        FIELDS.put(RecordType.EMERGENCY, List.of(
                text("category", "类别", false, "类型", "事件类型"),
                text("description", "情况说明", true, "情况", "说明", "经过", "基本情况"),
                text("people", "涉及人员", false, "人员", "伤者", "患者", "当事人")));
        FieldSpec outgoing = text("outgoing", "原人员", false,
                "原组长", "原组员", "撤回人员", "离开人员", "调出人员", "被替换人员");
        FIELDS.put(RecordType.PERSONNEL_CHANGE, List.of(
                outgoing,
                text("incoming", "新人员", false, "新组长", "新组员", "接替人员", "新增人员", "补充人员", "调入人员"),
                text("position", "岗位", false, "职务", "角色"),
                text("reason", "原因", false, "替换原因", "事由", "理由")));
        AT_LEAST_ONE.put(RecordType.PERSONNEL_CHANGE,
                List.of(outgoing, FIELDS.get(RecordType.PERSONNEL_CHANGE).get(1)));
        FIELDS.put(RecordType.APPEAL, List.of(
                text("problemRef", "申诉问题", false, "问题编号", "编号", "涉及问题", "申诉对象", "问题"),
                text("reason", "申诉理由", true, "申诉原因", "理由", "原因", "依据")));
        FIELDS.put(RecordType.ASSISTANCE_REQUEST, List.of(
                text("topic", "帮扶需求", true, "需求事项", "需求内容", "需求", "事项"),
                text("expertise", "所需专家领域", false, "专家领域", "所需专家", "专业领域", "领域")));
        FIELDS.put(RecordType.PUBLIC_COMPLAINT, List.of(
                text("content", "举报内容", true, "反映内容", "投诉内容", "内容")));
        FIELDS.put(RecordType.ACK, List.of());
        FIELDS.put(RecordType.COMMAND, List.of());
        FIELDS.put(RecordType.CHAT, List.of());
    }

    private RecordSchemas() {
    }

    /** The fields of {@code type}, in display order; empty for ACK, COMMAND and CHAT. */
    public static List<FieldSpec> fieldsOf(RecordType type) {
        return FIELDS.getOrDefault(type, List.of());
    }

    /** The field of {@code type} with this code. */
    public static Optional<FieldSpec> field(RecordType type, String code) {
        return fieldsOf(type).stream().filter(spec -> spec.code().equals(code)).findFirst();
    }

    /**
     * Fields of which a complete record needs at least one, though none is required alone: a problem needs an
     * enterprise or a location, a personnel change an outgoing or an incoming person. Empty for the other types.
     */
    public static List<FieldSpec> atLeastOneOf(RecordType type) {
        return AT_LEAST_ONE.getOrDefault(type, List.of());
    }
}
