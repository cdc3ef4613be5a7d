package cn.mee.liaison.bot.channel.wecom.fake;

/**
 * The error codes the fake answers with. Codes marked <em>chosen</em> are not documented by WeCom for that case (or
 * not publicly); the fake picks them so tests can tell the cases apart. The others follow WeCom's global error codes
 * (90455, as also listed in WxJava's WxCpErrorMsgEnum).
 */
public enum WeComError {
    SYSTEM_BUSY(-1, "system busy"),
    INVALID_SECRET(40001, "invalid credential"),
    INVALID_MEDIA_TYPE(40005, "invalid media type"),
    INVALID_FILE_SIZE(40006, "invalid file size"),
    INVALID_MEDIA_ID(40007, "invalid media_id"),
    INVALID_MSGTYPE(40008, "invalid message type"),
    INVALID_IMAGE_SIZE(40009, "invalid image size"),
    INVALID_VIDEO_SIZE(40011, "invalid video size"),
    INVALID_CORPID(40013, "invalid corpid"),
    INVALID_ACCESS_TOKEN(40014, "invalid access_token"),
    INVALID_AGENTID(40056, "invalid agentid"),
    INVALID_USERID_LIST_LENGTH(40032, "invalid userid list length"),
    INVALID_PARAMETER(40058, "invalid parameter"),
    MISSING_ACCESS_TOKEN(41001, "access_token missing"),
    MISSING_CORPID(41002, "corpid missing"),
    MISSING_SECRET(41004, "corpsecret missing"),
    MISSING_MEDIA_ID(41006, "media_id missing"),
    EXPIRED_ACCESS_TOKEN(42001, "access_token expired"),
    REQUIRE_GET(43001, "require GET method"),
    REQUIRE_POST(43002, "require POST method"),
    EMPTY_MEDIA(44001, "empty media data"),
    EMPTY_CONTENT(44004, "empty content"),
    CONTENT_TOO_LONG(45002, "content size out of limit"),
    TOO_MANY_ARTICLES(45008, "article size out of limit"),
    FREQ_OUT_OF_LIMIT(45009, "api freq out of limit"),
    DATA_FORMAT_ERROR(47001, "data format error"),
    ALL_RECIPIENTS_INVALID(81013, "user & party & tag all invalid"),
    INVALID_CHATID(86001, "invalid chatid"),
    CHAT_NOT_FOUND(86003, "chatid not exist"),
    INVALID_CHAT_NAME(86004, "invalid chat name"),
    INVALID_CHAT_OWNER(86005, "invalid chat owner"),
    INVALID_MEMBER_COUNT(86006, "invalid chat member list size"),
    INVALID_CHAT_MEMBER(86007, "invalid chat member"),
    NOT_CHAT_CREATOR(86008, "chat not created by this app"),
    /** Chosen: the chatid given to appchat/create is already taken. */
    CHATID_EXISTS(86215, "chatid already exists"),
    INVALID_WEBHOOK_KEY(93000, "invalid webhook url"),
    /** Chosen: a response_url was used a second time (a response_code works once). */
    RESPONSE_CODE_USED(600039, "response_code has been used"),
    /** Chosen: a response_url older than one hour, or one the fake never handed out. */
    RESPONSE_CODE_EXPIRED(600040, "response_code expired or unknown"),
    /** As seen from the long connection (aibot SDK users match on it): a reply to a req_id that was never pushed. */
    INVALID_REQ_ID(846605, "invalid req_id"),
    /** As seen from the long connection: a stream that already finished cannot be updated. */
    STREAM_FINISHED(846608, "stream message update expired");

    private final int code;
    private final String message;

    WeComError(int code, String message) {
        this.code = code;
        this.message = message;
    }

    public int code() {
        return code;
    }

    public String message() {
        return message;
    }
}
