package cn.mee.liaison.bot.outbox;

import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers outbox rows through their doors: claimed ({@link OutboxClaims}), sent outside any transaction, and the
 * outcome recorded — sent, retried with backoff, or failed with the reason.
 */
@Component
public class OutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final OutboxClaims claims;
    private final OutboxProperties properties;
    private final Map<Channel, ChatDoor> doors = new EnumMap<>(Channel.class);

    OutboxWorker(OutboxClaims claims, OutboxProperties properties, List<ChatDoor> doors) {
        this.claims = claims;
        this.properties = properties;
        doors.forEach(door -> this.doors.put(door.channel(), door));
    }

    @Scheduled(fixedDelayString = "${liaison.outbox.poll-interval:1s}", initialDelayString = "2s")
    public void poll() {
        try {
            List<OutboxMessage> claimed;
            do {
                claimed = claims.claimDue();
                claimed.forEach(this::deliver);
            } while (claimed.size() == properties.batchSize());
        } catch (RuntimeException e) {
            log.warn("outbox poll failed, will try again: {}", e.toString());
        }
    }

    /** Delivers these rows now, in this thread, if they are still due: used right after a reply is committed. */
    public void deliverNow(Collection<Long> ids) {
        claims.take(ids).forEach(this::deliver);
    }

    private void deliver(OutboxMessage message) {
        ChatDoor door = doors.get(message.channel());
        Delivery delivery;
        if (door == null) {
            delivery = Delivery.failed("渠道 " + message.channel() + " 未启用，无法发送");
        } else {
            try {
                delivery = door.deliver(message);
            } catch (RuntimeException e) {
                log.warn("door {} threw on outbox row {}: {}", message.channel(), message.id(), e.toString());
                delivery = Delivery.retry(e.toString());
            }
        }
        claims.record(message, delivery);
    }
}
