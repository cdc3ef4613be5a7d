package cn.mee.liaison.bot.command;

import cn.mee.liaison.bot.inbound.ChatContext;
import cn.mee.liaison.storage.message.RecordType;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The chat commands, by the Chinese word that starts them (and the other words people use for the same), the record
 * type they file, and who may use them. The reply texts and examples live in i18n/replies.properties under
 * {@code verb.<NAME>.*}.
 */
public enum Verb {
    HELP(RecordType.COMMAND, Audience.ANYONE, "帮助", "菜单", "功能", "指令", "help"),
    DAILY_REPORT(RecordType.DAILY_REPORT, Audience.GROUP_CHATS, "日报", "今日日报", "每日调度", "工作日报"),
    PROBLEM(RecordType.PROBLEM, Audience.GROUP_CHATS, "问题", "发现问题", "问题线索"),
    RECTIFICATION_CHECK(RecordType.RECTIFICATION_CHECK, Audience.GROUP_CHATS, "核查", "整改核查", "督办核查"),
    PARTY_ACTIVITY(RecordType.PARTY_ACTIVITY, Audience.GROUP_CHATS, "党建", "党建活动", "支部活动"),
    MEETING_FILING(RecordType.MEETING_FILING, Audience.GROUP_CHATS, "会议", "会议备案"),
    INTERVIEW_FEEDBACK(RecordType.INTERVIEW_FEEDBACK, Audience.GROUP_CHATS, "约见", "约见反馈"),
    BRIEF(RecordType.BRIEF, Audience.GROUP_CHATS, "简报", "工作简报", "总结", "工作总结", "小结"),
    TYPICAL_CASE(RecordType.TYPICAL_CASE, Audience.GROUP_CHATS, "案例", "典型案例"),
    EMERGENCY(RecordType.EMERGENCY, Audience.ANYONE, "急报", "紧急", "突发情况", "突发"),
    PERSONNEL_CHANGE(RecordType.PERSONNEL_CHANGE, Audience.GROUP_CHATS, "人员", "人员替换", "人员变动", "换人"),
    APPEAL(RecordType.APPEAL, Audience.GROUP_CHATS, "申诉"),
    ASSISTANCE_REQUEST(RecordType.ASSISTANCE_REQUEST, Audience.GROUP_CHATS, "帮扶", "帮扶需求"),
    ACK(RecordType.ACK, Audience.ANYONE, "收到", "已收到"),
    QUERY(RecordType.COMMAND, Audience.ANYONE, "查询", "搜索", "查找"),
    PUSH(RecordType.COMMAND, Audience.BUREAU_STAFF, "推送", "统一推送", "发通知"),
    MISSING_REPORTS(RecordType.COMMAND, Audience.LEADERS, "未报", "未报送", "谁没报", "催报"),
    DAY_SUMMARY(RecordType.COMMAND, Audience.LEADERS, "汇总", "调度汇总", "今日汇总", "日报汇总"),
    REPORT_SUBMITTED(RecordType.COMMAND, Audience.LEADERS, "已报送", "已上报", "季报已报送"),
    FEEDBACK_HELD(RecordType.COMMAND, Audience.LEADERS, "已反馈", "已召开反馈会", "反馈会已开"),
    /** Only with the deadline's number ({@code 已完成 12}): "已完成，谢谢" is chat, not a command. */
    DEADLINE_DONE(RecordType.COMMAND, Audience.LEADERS, Body.NUMBERED, "已完成", "完成"),
    /** {@code 延后 3天}, also written {@code 延后3天}. */
    SNOOZE(RecordType.COMMAND, Audience.LEADERS, Body.COUNT_MAY_JOIN, "延后", "推迟提醒", "延后提醒"),
    AGENDA(RecordType.COMMAND, Audience.ANYONE, "待办", "截止事项", "待办事项", "近期截止"),
    DEADLINE_ADD(RecordType.COMMAND, Audience.BUREAU, "新增截止", "添加截止", "设置截止");

    private final RecordType recordType;
    private final Audience audience;
    private final List<String> words;
    private final Body body;

    Verb(RecordType recordType, Audience audience, String... words) {
        this(recordType, audience, Body.ANY, words);
    }

    Verb(RecordType recordType, Audience audience, Body body, String... words) {
        this.recordType = recordType;
        this.audience = audience;
        this.body = body;
        this.words = List.of(words);
    }

    /** What may follow the command word for the message to be this command. */
    Body body() {
        return body;
    }

    public RecordType recordType() {
        return recordType;
    }

    /** The word shown in help; the first of its words. */
    public String word() {
        return words.get(0);
    }

    public List<String> words() {
        return words;
    }

    /** Whether this sender may use the command at all (some also check their target when run). */
    public boolean allowedFor(ChatContext sender) {
        return audience.test(sender);
    }

    /** Which refusal this sender gets, for its text (command.not.allowed.&lt;name&gt;). */
    public String refusalFor(ChatContext sender) {
        return audience.refusal(sender);
    }

    /**
     * Whether its answer may read or write much — a search of the archive, the day's board, the agenda of deadlines,
     * a notice to many chats — so that its message is filed and committed first and answered after, rather than both
     * in one transaction (InboundPipeline): a slow answer must not hold back the filing a callback waits for.
     */
    public boolean answeredApart() {
        return switch (this) {
            case QUERY, PUSH, MISSING_REPORTS, DAY_SUMMARY, AGENDA -> true;
            default -> false;
        };
    }

    /** Whether the command files a record of its own kind (rather than acting or answering). */
    public boolean filesRecord() {
        return recordType != RecordType.COMMAND;
    }

    /** What a command's body must look like. */
    enum Body {
        /** Anything, after a separator. */
        ANY(null, null),
        /** A number, after a separator or not ({@code 已完成 12}, {@code 已完成12}, {@code 已完成 编号12}). */
        NUMBERED(Pattern.compile("^(编号|第|#|No\\.?)?\\s*\\d"), Pattern.compile("^\\d")),
        /** Anything after a separator; also a count joined to the word ({@code 延后3天}). */
        COUNT_MAY_JOIN(null, Pattern.compile("^[0-9一二三四五六七八九十两]"));

        private final Pattern required;
        private final Pattern joined;

        Body(Pattern required, Pattern joined) {
            this.required = required;
            this.joined = joined;
        }

        /** @param rest what follows the separators after the word */
        boolean accepts(String rest) {
            return required == null || required.matcher(rest).find();
        }

        /** @param after what immediately follows the word, with no separator */
        boolean mayJoin(String after) {
            return joined != null && joined.matcher(after).find();
        }
    }

    /** Who may use a command. */
    enum Audience implements Predicate<ChatContext> {
        ANYONE {
            @Override
            public boolean test(ChatContext sender) {
                return true;
            }
        },
        /** What a work group reports: said in a group's chat (or a chat not yet in the directory), not the bureau's. */
        GROUP_CHATS {
            @Override
            public boolean test(ChatContext sender) {
                return !sender.inBureauChat();
            }
        },
        /** Group leaders, unit coordinators and the bureau: those who chase the daily dispatch. */
        LEADERS {
            @Override
            public boolean test(ChatContext sender) {
                return sender.senderIsLeader() || !sender.coordinatorOf().isEmpty() || sender.speaksForBureau();
            }
        },
        /** Bureau staff, or anyone in a bureau chat. */
        BUREAU {
            @Override
            public boolean test(ChatContext sender) {
                return sender.speaksForBureau();
            }
        },
        /**
         * Bureau staff (listed in the directory's bureauStaff) speaking in a bureau chat: what reaches every group is
         * said where the bureau sees it. Staff elsewhere are told where to do it; anyone else that it is not theirs.
         */
        BUREAU_STAFF {
            @Override
            public boolean test(ChatContext sender) {
                return sender.bureauStaff() && sender.inBureauChat();
            }

            @Override
            String refusal(ChatContext sender) {
                return sender.bureauStaff() ? name() + ".elsewhere" : name();
            }
        };

        /** The refusal's name, for its text (command.not.allowed.&lt;name&gt;). */
        String refusal(ChatContext sender) {
            return name();
        }
    }
}
