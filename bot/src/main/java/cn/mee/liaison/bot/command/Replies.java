package cn.mee.liaison.bot.command;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The bot's words, from i18n/replies.properties. */
@Component
public class Replies {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource messages;

    Replies(MessageSource messages) {
        this.messages = messages;
    }

    public String text(String key, Object... args) {
        return messages.getMessage(key, args, CHINESE);
    }

    public String purposeOf(Verb verb) {
        return text("verb." + verb.name() + ".purpose");
    }

    public String exampleOf(Verb verb) {
        return text("verb." + verb.name() + ".example");
    }
}
