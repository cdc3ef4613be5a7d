package cn.mee.liaison.bot.channel.wecom.app;

import cn.mee.liaison.bot.channel.wecom.WeComDelivery;
import cn.mee.liaison.bot.outbox.ChatDoor;
import cn.mee.liaison.bot.outbox.Delivery;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import cn.mee.liaison.storage.outbox.TargetType;
import org.springframework.stereotype.Component;

/** WECOM_APP: a member told directly by the self-built app (message/send): nudges, escalations, relays. */
@Component
class AppMemberDoor implements ChatDoor {

    private final AppMessages messages;

    AppMemberDoor(AppMessages messages) {
        this.messages = messages;
    }

    @Override
    public Channel channel() {
        return Channel.WECOM_APP;
    }

    @Override
    public Delivery deliver(OutboxMessage message) {
        if (message.targetType() != TargetType.USER) {
            return Delivery.failed("应用单聊渠道只能发给成员本人");
        }
        return WeComDelivery.attempt(() -> messages.toMember(message.targetId(), message));
    }
}
