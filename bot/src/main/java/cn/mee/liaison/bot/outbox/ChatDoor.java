package cn.mee.liaison.bot.outbox;

import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.outbox.OutboxMessage;

/** One way out to a chat platform. Implementations must not throw for platform errors: they answer a Delivery. */
public interface ChatDoor {

    Channel channel();

    Delivery deliver(OutboxMessage message);
}
