package cn.mee.liaison.bot.channel.wecom.api;

import cn.mee.liaison.bot.channel.wecom.api.WeComFailure.Kind;
import java.util.Map;
import java.util.Set;

/** Which WeCom error codes (global error codes, document 90455) mean what for the bot. */
final class ErrorCodes {

    /** Tokens WeCom refused: refresh and try again once. */
    private static final Set<Integer> TOKEN = Set.of(40014, 42001, 41001);
    /** Busy or rate limited: back off and try again. */
    private static final Set<Integer> TRANSIENT = Set.of(-1, 45009, 45033, 45047, 45011);

    /**
     * What the permanent errors a send meets most often mean, in the words the console shows (the code and WeCom's
     * own errmsg follow, so that a code whose meaning was guessed wrong still shows what WeCom said).
     */
    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(40001, "应用 Secret 不正确"),
            Map.entry(40003, "成员 UserID 无效"),
            Map.entry(40013, "企业 ID（corp-id）不正确"),
            Map.entry(40056, "应用 AgentId 不正确"),
            Map.entry(40058, "请求参数不合法"),
            Map.entry(44004, "消息内容为空"),
            Map.entry(45002, "消息内容超过长度上限"),
            Map.entry(48002, "应用没有调用该接口的权限"),
            Map.entry(60011, "应用无权访问该成员（不在应用的可见范围内）"),
            Map.entry(60020, "本机 IP 不在应用的企业可信 IP 中"),
            Map.entry(60111, "成员 UserID 不存在"),
            Map.entry(81013, "收信人全部无效：成员不存在或不在应用的可见范围内"),
            Map.entry(86001, "群聊 ID 不合法"),
            Map.entry(86003, "群聊不存在：群已解散，或群聊 ID 有误"),
            Map.entry(86008, "该群不是本应用创建的，应用不能向其发送"),
            Map.entry(93000, "群机器人 webhook 地址无效：机器人可能已被移出群聊或删除，请核对 webhookKey"),
            Map.entry(93004, "群机器人已被停用"),
            Map.entry(93008, "群机器人已不在该群中（可能已被移出）"));

    private ErrorCodes() {
    }

    /** What the code means, in Chinese, when it is one of those a send commonly meets; else null. */
    static String reason(int errcode) {
        return REASONS.get(errcode);
    }

    static Kind classify(int errcode) {
        if (TOKEN.contains(errcode)) {
            return Kind.TOKEN;
        }
        return TRANSIENT.contains(errcode) ? Kind.TRANSIENT : Kind.PERMANENT;
    }
}
