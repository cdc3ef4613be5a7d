package cn.mee.liaison.bot.channel.wecom.api;

/**
 * A call to WeCom that did not succeed, classified by what to do about it. The message names the API and the
 * error, never a token, a secret or a webhook key.
 */
public class WeComFailure extends RuntimeException {

    /** What to do about a failure. */
    public enum Kind {
        /** Busy, rate limited, 5xx, timeout, connection lost: try again later. */
        TRANSIENT,
        /** The access token was refused (40014 invalid, 42001 expired): refresh it and try once more. */
        TOKEN,
        /** The request itself is wrong or cannot succeed (bad chat id, bot removed, bad secret): give up. */
        PERMANENT
    }

    private final Kind kind;
    private final int errcode;

    public WeComFailure(Kind kind, int errcode, String message) {
        super(message);
        this.kind = kind;
        this.errcode = errcode;
    }

    public WeComFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.errcode = 0;
    }

    public Kind kind() {
        return kind;
    }

    /** WeCom's errcode, or 0 when the failure was not an answer from WeCom (HTTP status, network). */
    public int errcode() {
        return errcode;
    }

    /**
     * WeCom (or the HTTP server in front of it) answered: an errcode, an HTTP status, a body that is not JSON. A call
     * that got no answer (a timeout, a dropped connection) may have been carried out all the same.
     */
    public boolean answered() {
        return getCause() == null;
    }

    /** WeCom's own codes for "too many calls" (45009 api freq, 45033 concurrency). */
    public boolean rateLimited() {
        return errcode == 45009 || errcode == 45033;
    }

    /**
     * The failure as the console shows it: what it means, where that is known (a chat that does not exist, a webhook
     * whose robot was removed …), then WeCom's code and its own message.
     */
    public String describe() {
        if (errcode == 0) {
            return getMessage();
        }
        String code = "企业微信错误 " + errcode + "：" + getMessage();
        String reason = ErrorCodes.reason(errcode);
        return reason == null ? code : reason + "（" + code + "）";
    }
}
