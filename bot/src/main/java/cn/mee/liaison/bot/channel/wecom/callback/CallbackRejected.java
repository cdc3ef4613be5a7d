package cn.mee.liaison.bot.channel.wecom.callback;

import cn.mee.liaison.bot.pipeline.RefusedByDoor;
import org.springframework.http.HttpStatus;

/**
 * A callback refused before anything was done with it (or, a replay, in the filing transaction, which it rolls
 * back); answered with a non-200 status so nothing is implied.
 */
public class CallbackRejected extends RefusedByDoor {

    private final HttpStatus status;

    public CallbackRejected(HttpStatus status, String reason) {
        super(reason);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
