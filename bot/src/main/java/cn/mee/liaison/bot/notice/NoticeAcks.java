package cn.mee.liaison.bot.notice;

import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.notice.NoticeDelivery;
import cn.mee.liaison.storage.notice.NoticeMapper;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * 回执: a member's 收到 in a chat acknowledges, for that chat, the newest notice that asked for it and went out
 * there; a quote of a notice acknowledges that notice (recognised by its title in the quoted text). Who and when are
 * kept; a chat acknowledges a notice once.
 */
@Service
public class NoticeAcks {

    private final NoticeMapper notices;

    NoticeAcks(NoticeMapper notices) {
        this.notices = notices;
    }

    /**
     * @param quotedText   the text the message quotes, if it quotes one
     * @param saidReceived whether the message is a 收到 (it then acknowledges the newest waiting notice when it
     *                     quotes none)
     * @return the delivery acknowledged, if any was waiting
     */
    public Optional<NoticeDelivery> acknowledge(Channel channel, String chatId, String userId, String userName,
                                                Instant at, long messageId, String quotedText, boolean saidReceived) {
        Optional<NoticeDelivery> waiting = quotedText == null || quotedText.isBlank() ? Optional.empty()
                : notices.findAwaitingAck(channel, chatId, at, quotedText);
        if (waiting.isEmpty() && saidReceived) {
            waiting = notices.findAwaitingAck(channel, chatId, at, null);
        }
        waiting.ifPresent(d -> notices.acknowledge(d.id(), userId, userName, at, messageId));
        return waiting;
    }
}
