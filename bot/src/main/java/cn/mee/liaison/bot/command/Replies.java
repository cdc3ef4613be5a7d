package cn.mee.liaison.bot.command;

import java.text.NumberFormat;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The bot's words, from i18n/replies.properties. */
@Component
public class Replies {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    /**
     * How MessageFormat writes a number it is given ({@code {0}}: the locale's general number format), made once per
     * thread: given the number itself, MessageFormat makes a new NumberFormat for every number of every reply.
     */
    private static final ThreadLocal<NumberFormat> NUMBERS =
            ThreadLocal.withInitial(() -> NumberFormat.getInstance(CHINESE));

    private final MessageSource messages;

    Replies(MessageSource messages) {
        this.messages = messages;
    }

    public String text(String key, Object... args) {
        Object[] written = args;
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Number number) {
                if (written == args) {
                    written = args.clone();
                }
                written[i] = NUMBERS.get().format(number);
            }
        }
        return messages.getMessage(key, written, CHINESE);
    }

    public String purposeOf(Verb verb) {
        return text("verb." + verb.name() + ".purpose");
    }

    public String exampleOf(Verb verb) {
        return text("verb." + verb.name() + ".example");
    }
}
