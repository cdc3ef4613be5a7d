package cn.mee.liaison.bot.channel.sandbox;

import cn.mee.liaison.bot.outbox.ChatDoor;
import cn.mee.liaison.bot.outbox.Delivery;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import org.springframework.stereotype.Component;

/**
 * The sandbox's way out: the simulated platform is the outbox itself, so a delivered row is the message the sandbox
 * chat shows. Going through the outbox like every other door keeps the sandbox an honest stand-in.
 */
@Component
class SandboxDoor implements ChatDoor {

    @Override
    public Channel channel() {
        return Channel.SANDBOX;
    }

    @Override
    public Delivery deliver(OutboxMessage message) {
        return Delivery.sent();
    }
}
