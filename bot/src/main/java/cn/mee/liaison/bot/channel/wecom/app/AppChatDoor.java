package cn.mee.liaison.bot.channel.wecom.app;

import cn.mee.liaison.bot.channel.wecom.WeComDelivery;
import cn.mee.liaison.bot.outbox.ChatDoor;
import cn.mee.liaison.bot.outbox.Delivery;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import cn.mee.liaison.storage.outbox.TargetType;
import org.springframework.stereotype.Component;

/** WECOM_APPCHAT: group chats the self-built app created, reached through appchat/send. */
@Component
class AppChatDoor implements ChatDoor {

    private final AppMessages messages;

    AppChatDoor(AppMessages messages) {
        this.messages = messages;
    }

    @Override
    public Channel channel() {
        return Channel.WECOM_APPCHAT;
    }

    @Override
    public Delivery deliver(OutboxMessage message) {
        if (message.targetType() != TargetType.CHAT) {
            return Delivery.failed("应用群聊渠道只能发往群聊");
        }
        return WeComDelivery.attempt(() -> messages.toChat(message.targetId(), message));
    }
}
