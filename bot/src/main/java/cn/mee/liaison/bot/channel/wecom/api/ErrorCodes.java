package cn.mee.liaison.bot.channel.wecom.api;

import cn.mee.liaison.bot.channel.wecom.api.WeComFailure.Kind;
import java.util.Set;

/** Which WeCom error codes (global error codes, document 90455) mean what for the bot. */
final class ErrorCodes {

    /** Tokens WeCom refused: refresh and try again once. */
    private static final Set<Integer> TOKEN = Set.of(40014, 42001, 41001);
    /** Busy or rate limited: back off and try again. */
    private static final Set<Integer> TRANSIENT = Set.of(-1, 45009, 45033, 45047, 45011);

    private ErrorCodes() {
    }

    static Kind classify(int errcode) {
        if (TOKEN.contains(errcode)) {
            return Kind.TOKEN;
        }
        return TRANSIENT.contains(errcode) ? Kind.TRANSIENT : Kind.PERMANENT;
    }
}
