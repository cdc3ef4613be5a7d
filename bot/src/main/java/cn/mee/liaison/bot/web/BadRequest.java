package cn.mee.liaison.bot.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A request the API refuses (400); the message, in Chinese, names the field at fault. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
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
