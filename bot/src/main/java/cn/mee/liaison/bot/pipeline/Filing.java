package cn.mee.liaison.bot.pipeline;

import cn.mee.liaison.bot.command.Interpretation;
import cn.mee.liaison.bot.inbound.ChatContext;
import cn.mee.liaison.bot.inbound.InboundMessage;
import cn.mee.liaison.storage.message.FiledMessage;

/**
 * A message after the first step: filed (or found filed before), with what it means and where it was said, ready
 * to be answered.
 */
public record Filing(InboundMessage message, FiledMessage filed, boolean duplicate, ChatContext context,
                     Interpretation meaning) {
}
