package cn.mee.liaison.bot.outbox;

import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.outbox.MessageFormat;

/** The largest message each door takes, in UTF-8 bytes (wecom.md, "Limits"). */
final class PayloadLimits {

    private PayloadLimits() {
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
