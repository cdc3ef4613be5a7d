package cn.mee.liaison.bot.channel.wecom.fake;

/**
 * The message kinds the self-built app may send with {@code message/send} and {@code appchat/send}: text and markdown
 * (content at most 2048 UTF-8 bytes), file and image (a media_id the app may use).
 */
final class MessageContent {

    static final int APP_CONTENT_MAX_BYTES = 2048;

    private MessageContent() {
    }

    /** Checks {@code msgtype} and its object; answers the msgtype. */
    static String check(Payload message, MediaStore media, String scope) {
        if (!message.has("msgtype")) {
            throw Rejection.violation(WeComError.INVALID_MSGTYPE, "msgtype is missing");
        }
        String msgtype = message.requiredString("msgtype");
        switch (msgtype) {
            case "text", "markdown" -> message.body(msgtype).content("content", APP_CONTENT_MAX_BYTES);
            case "file", "image" -> mediaId(message.body(msgtype), media, scope);
            default -> throw Rejection.violation(WeComError.INVALID_MSGTYPE, "unsupported msgtype " + msgtype);
        }
        return msgtype;
    }

    static void mediaId(Payload body, MediaStore media, String scope) {
        if (!body.has("media_id")) {
            throw Rejection.violation(WeComError.MISSING_MEDIA_ID, body.path("media_id") + " is missing");
        }
        String mediaId = body.requiredText("media_id");
        if (media.find(mediaId, scope).isEmpty()) {
            throw Rejection.violation(WeComError.INVALID_MEDIA_ID,
                    body.path("media_id") + " " + mediaId + " is unknown, expired or not visible here");
        }
    }
}
