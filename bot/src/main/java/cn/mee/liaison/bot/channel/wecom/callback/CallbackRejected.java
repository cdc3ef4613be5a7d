package cn.mee.liaison.bot.channel.wecom.callback;

import org.springframework.http.HttpStatus;

/** A callback refused before anything was done with it; answered with a non-200 status so nothing is implied. */
public class CallbackRejected extends RuntimeException {

    private final HttpStatus status;

    public CallbackRejected(HttpStatus status, String reason) {
        super(reason);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
