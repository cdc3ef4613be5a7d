package cn.mee.liaison.bot.outbox;

import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.outbox.MessageFormat;
import java.util.Arrays;

/** The largest message each door takes, in UTF-8 bytes (wecom.md, "Limits"). */
final class PayloadLimits {

    private PayloadLimits() {
    }

    /**
     * The limit left for the text of a message that carries these mentions (comma-separated): a webhook's markdown
     * writes each of them into the content itself, as a line {@code <@id>} after the text (WebhookDoor), so their room
     * is kept free; a mobile number is counted too, though it is not written, to stay on the safe side.
     *
     * @return the limit, or 0 for none
     */
    static int maxBytes(Channel channel, MessageFormat format, String mentions) {
        int limit = maxBytes(channel, format);
        if (limit == 0 || channel != Channel.WECOM_WEBHOOK || format != MessageFormat.MARKDOWN || mentions == null) {
            return limit;
        }
        int room = Arrays.stream(mentions.split(",")).map(String::strip).filter(m -> !m.isEmpty())
                .mapToInt(m -> TextParts.utf8("\n<@" + m + ">")).sum();
        // however many the mentions, the text keeps room (only the first part carries them)
        return Math.max(limit - room, limit / 2);
    }

    /** @return the limit, or 0 for none */
    static int maxBytes(Channel channel, MessageFormat format) {
        if (format.carriesFile()) {
            return 0;
        }
        return switch (channel) {
            case SANDBOX -> 0;
            case WECOM_WEBHOOK -> format == MessageFormat.MARKDOWN ? 4096 : 2048;
            case WECOM_APPCHAT, WECOM_APP -> 2048;
            case WECOM_ROBOT -> 20480;
            case WECHATY -> 8000;
        };
    }
}
