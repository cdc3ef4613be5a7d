package cn.mee.liaison.bot.web;

/** An unknown id (404). */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
