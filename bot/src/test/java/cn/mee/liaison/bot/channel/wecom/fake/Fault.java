package cn.mee.liaison.bot.channel.wecom.fake;

/**
 * A failure {@link FakeWeCom} injects instead of answering a request (HTTP path) or a frame (long-connection cmd).
 */
public sealed interface Fault {

    /** A WeCom JSON error {@code {"errcode": code, "errmsg": …}} with HTTP 200; on the long connection an error ack. */
    static Fault errcode(int code) {
        return new ErrCode(code);
    }

    /** A bare HTTP status (e.g. 502) with a short text body; HTTP only. */
    static Fault http(int status) {
        return new Http(status);
    }

    /** No answer at all: the request is held until the client gives up (or the fake closes). */
    static Fault timeout() {
        return new Timeout();
    }

    /** The connection is closed without an answer. */
    static Fault drop() {
        return new Drop();
    }

    record ErrCode(int code) implements Fault {
    }

    record Http(int status) implements Fault {
        public Http {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("HTTP status out of range: " + status);
            }
        }
    }

    record Timeout() implements Fault {
    }

    record Drop() implements Fault {
    }
}
