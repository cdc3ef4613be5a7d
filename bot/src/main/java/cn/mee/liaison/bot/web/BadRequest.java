package cn.mee.liaison.bot.web;

/** A request the API refuses (400); the message, in Chinese, names the field at fault. */
public class BadRequest extends RuntimeException {

    private final String error;

    public BadRequest(String error, String message) {
        super(message);
        this.error = error;
    }

    public String error() {
        return error;
    }
}
