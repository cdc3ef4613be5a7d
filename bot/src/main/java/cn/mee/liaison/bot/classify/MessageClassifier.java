package cn.mee.liaison.bot.classify;

import cn.mee.liaison.storage.message.RecordType;

import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guesses what a free-text message is (one written without a command word), from the words it uses.
 *
 * <p>In order: an emergency, on strong evidence only (第四条(九)); a message headed as a brief, a summary or a
 * typical case; a daily dispatch reply with at least two of its fields; a relayed public pollution complaint, which
 * the groups may not accept (第八条(二)); an appeal; a request for expert help; a personnel change; a meeting filing;
 * an interview with county officials; a party activity; a rectification check; a problem at a named enterprise or
 * site; a weaker daily dispatch reply (the word 日报 or one count); a typical case or brief mentioned anywhere; a short
 * acknowledgement; everything else is chat. It never answers COMMAND: commands are recognised by their command word
 * before the classifier is asked.
 */
public final class MessageClassifier {

    private static final Pattern EMERGENCY = Pattern.compile(
            "交通事故|车祸|追尾|翻车|侧翻|相撞|撞车|被撞|剐蹭|刮蹭|受伤|送医|送往医院|送至医院|送到医院|就医|住院|"
                    + "突发疾病|突发心脏|突发脑|晕倒|昏倒|昏迷|急诊|抢救|骨折|中暑|拨打120|120急救|病倒");
    /** Words before an emergency word that make it a warning or a rule, not an event: 注意, 防止, 如遇 … */
    private static final Pattern PREVENTIVE = Pattern.compile(
            "注意|防止|避免|预防|防范|杜绝|谨防|严防|确保|提醒|不要|以防|(?<!遭)遇|如果|如发生|若|一旦|如有|如出现|万一|应急|要求|严禁");
    private static final Pattern CONDITIONAL_AFTER = Pattern.compile("^[^,;。\\n]{0,10}?(?:时|的话|情况时)");
    /** A problem stated near a name: "存在…问题", "发现…问题" within a sentence. */
    private static final Pattern PROBLEM_NEAR_STATEMENT = Pattern.compile("(?:存在|发现)[^。]{0,20}问题");
    /** A relative's illness (家中老人住院) is a reason for leave, not an emergency of the work group. */
    private static final Pattern FAMILY = Pattern.compile("家中|家里|家人|老人|父亲|母亲|爱人|孩子|亲属|岳父|岳母");
    private static final Pattern NO_ONE_BEFORE = Pattern.compile("(?:无人|没有人|没人|未|没有|没|无|均未)\\s*$");

    private static final Pattern HEADED_CASE = Pattern.compile("典型案例|案例分享|【案例】|案例:");
    private static final Pattern HEADED_BRIEF = Pattern.compile("简报|工作总结|周报|阶段性总结");
    /** A 小结 may head a brief or just a day's dispatch reply: 今日工作小结：检查企业5家 … */
    private static final Pattern HEADED_SUMMARY = Pattern.compile("小结");
    private static final Pattern REQUEST_TO_SUBMIT = Pattern.compile(
            "请[^。\\n]{0,12}(?:报送|提交|上报)|(?:报送|提交|上报)[^。\\n]{0,6}(?:要求|通知)|前(?:报送|提交|上报)|通知");
    private static final Pattern DAILY_HEADER = Pattern.compile("日报|每日调度|今日调度|每日报送|今日工作情况|工作日报|当日工作|今日工作");
    private static final Pattern EXPLICIT_PLAN = Pattern.compile("明日计划|明天计划|明日安排|明天安排|明日工作|明天工作|下一步");

    private static final Pattern COMPLAINT = Pattern.compile(
            "举报|投诉|群众反映|居民反映|村民反映|市民反映|百姓反映|网友反映|群众来电|有群众|有居民|有村民|有人反映|周边群众");
    private static final Pattern POLLUTION = Pattern.compile(
            "污染|异味|臭|气味|刺鼻|呛|黑烟|冒烟|浓烟|油烟|烟很大|烟尘|扰民|粉尘|扬尘|灰尘|噪音|噪声|排放|偷排|直排|乱排|焚烧|烧垃圾|废气|废水|污水|排污|排烟");
    private static final Pattern NOT_A_COMPLAINT = Pattern.compile("不直接受理|不得受理|不受理|信访问题.{0,6}(?:核查|处理情况)|已整改|未整改");

    private static final Pattern APPEAL = Pattern.compile(
            "申诉|提出异议|有异议|不认可|认定有误|认定不准|不应认定|不应作为问题|不属于[^,。]{0,8}问题");
    private static final Pattern ASSISTANCE = Pattern.compile(
            "帮扶需求|(?:请求|需要|希望|申请|恳请|协调|邀请)[^。\\n]{0,15}?专家|(?:请求|需要|希望|申请|恳请)[^。\\n]{0,10}?"
                    + "(?:技术支持|技术指导|技术帮扶)|专家[^。\\n]{0,6}(?:会诊|现场指导)");
    private static final Pattern PERSONNEL = Pattern.compile(
            "人员替换|人员更换|人员变更|人员调整|人员轮换|换人|接替|顶替|"
                    + "(?:组长|组员|成员|队员|联络员|同志)[^。;\\n]{0,20}?(?:替换|更换|调整为|变更|轮换|撤回|调回|离组|返回单位|回单位|返京)|"
                    + "(?:替换|更换|调整|变更|新增|增派|补充|增补|新任)[^。;\\n]{0,10}?(?:组长|组员|成员|队员|联络员)");
    private static final Pattern MEETING = Pattern.compile(
            "座谈会|推进会|调度会|部署会|专题会|协调会|会商会|对接会|培训会|反馈会|见面会|工作会|会议|召开");
    private static final Pattern APPROVAL = Pattern.compile("同意|批准|审批|请示|备案");
    private static final Pattern INTERVIEW = Pattern.compile("约见");
    private static final Pattern PARTY = Pattern.compile(
            "主题党日|党日活动|党课|党支部|党员|党建|组织生活会|入党誓词|党小组|党性|党史|党组织");
    private static final Pattern STUDY = Pattern.compile("专题学习|集中学习|交流研讨|参观学习|谈心谈话|学习研讨");
    private static final Pattern STUDY_OF_PARTY = Pattern.compile("党|习近平|思想|精神|主题教育|讲话|初心");
    private static final Pattern RECTIFICATION_CONTEXT = Pattern.compile("核查|督办|复查|复核|回头看|整改");
    private static final Pattern LABELLED_PROBLEM = Pattern.compile("问题描述\\s*:|企业名称\\s*:|问题类别\\s*:|问题类型\\s*:");
    private static final Pattern STATES_PROBLEM = Pattern.compile("发现|存在|未|没有|不到位|超标|违规|违法|偷排|直排|冒黑烟|露天");

    private static final Pattern ACK_START = Pattern.compile(
            "^(?:收到|已收到|好的|好|明白|已阅|了解|知道了|ok|嗯|遵照执行|照办|👌|👍|1)(?![0-9])", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPACES_AND_SYMBOLS = Pattern.compile("[\\s\\p{P}\\p{S}~]");
    private static final Pattern ACK_WORDS = Pattern.compile(
            "收到|已收到|收|好的|好|明白|已阅|阅|了解|知道了|知道|ok|嗯|是|对|遵照执行|遵照|照办|执行|马上|立即|立刻|抓紧|尽快|按要求|一定|"
                    + "落实|办理|安排|谢谢|感谢|辛苦了|辛苦|了|啦|哈|呀|的|领导|组长|老师|各位|大家|已|1",
            Pattern.CASE_INSENSITIVE);
    /** 👌 👍 🙏 */
    private static final Set<Integer> ACK_EMOJI = Set.of(0x1F44C, 0x1F44D, 0x1F64F);
    private static final int SHORT_ACK = 12;
    private static final int LONGEST_ACK = 30;

    private final RecordParsers parsers;

    public MessageClassifier() {
        this(new RecordParsers());
    }

    public MessageClassifier(RecordParsers parsers) {
        this.parsers = parsers;
    }

    /** The record type of a message without a command word; pass text through {@link ChatText#normalize} first. */
    public RecordType classify(String normalizedText) {
        String text = normalizedText == null ? "" : normalizedText.strip();
        if (text.isEmpty()) {
            return RecordType.CHAT;
        }
        if (isEmergency(text)) {
            return RecordType.EMERGENCY;
        }
        String firstLine = text.lines().findFirst().orElse("");
        boolean request = REQUEST_TO_SUBMIT.matcher(text).find();
        if (!request && HEADED_CASE.matcher(firstLine).find()) {
            return RecordType.TYPICAL_CASE;
        }
        int daily = dailyEvidence(text);
        boolean headedBrief = HEADED_BRIEF.matcher(firstLine).find()
                || HEADED_SUMMARY.matcher(firstLine).find() && daily < 2;
        if (!request && headedBrief) {
            return RecordType.BRIEF;
        }
        boolean dailyHeader = DAILY_HEADER.matcher(firstLine).find();
        if (daily >= 2 || dailyHeader && daily >= 1) {
            return RecordType.DAILY_REPORT;
        }
        RecordType intent = statedIntent(text);
        if (intent != null) {
            return intent;
        }
        if (isProblem(text)) {
            return RecordType.PROBLEM;
        }
        if (dailyHeader && !request || daily >= 1) {
            return RecordType.DAILY_REPORT;
        }
        if (!request && text.contains("典型案例")) {
            return RecordType.TYPICAL_CASE;
        }
        if (!request && (HEADED_BRIEF.matcher(text).find() || HEADED_SUMMARY.matcher(text).find())
                && text.length() > LONGEST_ACK) {
            return RecordType.BRIEF;
        }
        return isAcknowledgement(text) ? RecordType.ACK : RecordType.CHAT;
    }

    /** The types people announce with their own words, most urgent first; null when none. */
    private static RecordType statedIntent(String text) {
        if (COMPLAINT.matcher(text).find() && POLLUTION.matcher(text).find() && !NOT_A_COMPLAINT.matcher(text).find()) {
            return RecordType.PUBLIC_COMPLAINT;
        }
        if (APPEAL.matcher(text).find()) {
            return RecordType.APPEAL;
        }
        if (ASSISTANCE.matcher(text).find()) {
            return RecordType.ASSISTANCE_REQUEST;
        }
        if (PERSONNEL.matcher(text).find()) {
            return RecordType.PERSONNEL_CHANGE;
        }
        if (MEETING.matcher(text).find() && APPROVAL.matcher(text).find() && !INTERVIEW.matcher(text).find()) {
            return RecordType.MEETING_FILING;
        }
        if (INTERVIEW.matcher(text).find()) {
            return RecordType.INTERVIEW_FEEDBACK;
        }
        if (PARTY.matcher(text).find() || STUDY.matcher(text).find() && STUDY_OF_PARTY.matcher(text).find()) {
            return RecordType.PARTY_ACTIVITY;
        }
        boolean outcome = RectificationResults.statesOutcome(text);
        if (outcome && RECTIFICATION_CONTEXT.matcher(text).find()) {
            return RecordType.RECTIFICATION_CHECK;
        }
        return null;
    }

    private static boolean isEmergency(String text) {
        Matcher cue = EMERGENCY.matcher(text);
        while (cue.find()) {
            String before = text.substring(clauseStart(text, cue.start()), cue.start());
            String after = text.substring(cue.end());
            boolean warning = PREVENTIVE.matcher(before).find() || CONDITIONAL_AFTER.matcher(after).find();
            boolean nobodyHurt = cue.group().equals("受伤") && NO_ONE_BEFORE.matcher(before).find();
            boolean family = FAMILY.matcher(before).find();
            if (!warning && !nobodyHurt && !family) {
                return true;
            }
        }
        return false;
    }

    /** The day dates are read against where only their shape matters (is it a date, not which day). */
    private static final LocalDate SHAPE_ONLY = LocalDate.of(2026, 1, 1);

    private int dailyEvidence(String text) {
        ParsedRecord daily = parsers.parse(RecordType.DAILY_REPORT, text, SHAPE_ONLY);
        long counts = daily.fields().values().stream().filter(Long.class::isInstance).count();
        boolean plan = daily.fields().containsKey("tomorrowPlan") && EXPLICIT_PLAN.matcher(text).find();
        return (int) counts + (counts > 0 && plan ? 1 : 0);
    }

    private static boolean isProblem(String text) {
        if (LABELLED_PROBLEM.matcher(text).find()) {
            return true;
        }
        boolean named = EnterpriseNames.find(text).isPresent() || PlaceNames.site(text).isPresent();
        boolean categorised = ProblemCategories.find(text).isPresent();
        boolean stated = STATES_PROBLEM.matcher(text).find();
        return stated && (categorised && (named || PlaceNames.county(text).isPresent() || text.contains("发现"))
                || named && PROBLEM_NEAR_STATEMENT.matcher(text).find());
    }

    private static boolean isAcknowledgement(String text) {
        int length = text.codePointCount(0, text.length());
        if (length > LONGEST_ACK) {
            return false;
        }
        String compact = SPACES_AND_SYMBOLS.matcher(text).replaceAll("");
        if (ACK_START.matcher(text).find() && length <= SHORT_ACK) {
            return true;
        }
        String rest = ACK_WORDS.matcher(compact).replaceAll("");
        boolean onlySymbols = compact.isEmpty() && text.codePoints().anyMatch(ACK_EMOJI::contains);
        return onlySymbols || !compact.isEmpty() && rest.isEmpty() && ACK_WORDS.matcher(compact).find();
    }

    private static int clauseStart(String text, int before) {
        for (int i = before - 1; i >= 0; i--) {
            if (",;。!?\n".indexOf(text.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        return 0;
    }
}
