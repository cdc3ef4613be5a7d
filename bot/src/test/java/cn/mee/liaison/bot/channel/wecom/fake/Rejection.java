package cn.mee.liaison.bot.channel.wecom.fake;

/**
 * Thrown by an endpoint to answer with a WeCom error. A rejection the bot caused (a malformed or forbidden request)
 * is a violation and lands in {@link FakeWeCom#violations()}; one the platform causes (an expired or revoked token)
 * is not.
 */
final class Rejection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final WeComError error;
    private final boolean violation;

    private Rejection(WeComError error, String detail, boolean violation) {
        super(detail, null, false, false);
        this.error = error;
        this.violation = violation;
    }

    /** The bot sent something WeCom would refuse. */
    static Rejection violation(WeComError error, String detail) {
        return new Rejection(error, detail, true);
    }

    /** WeCom refuses for its own reasons (token expiry and the like); not the bot's mistake. */
    static Rejection platform(WeComError error, String detail) {
        return new Rejection(error, detail, false);
    }

    WeComError error() {
        return error;
    }

    boolean isViolation() {
        return violation;
    }

    String errmsg() {
        return error.message() + ": " + getMessage();
    }
}
