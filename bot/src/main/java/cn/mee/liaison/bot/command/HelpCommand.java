package cn.mee.liaison.bot.command;

import cn.mee.liaison.storage.outbox.OutboxMessage;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** 帮助: the commands this sender may use, each with what it is for and an example. */
@Component
class HelpCommand {

    private final Replies replies;

    HelpCommand(Replies replies) {
        this.replies = replies;
    }

    OutboxMessage answer(Exchange exchange) {
        String lines = Arrays.stream(Verb.values())
                .filter(v -> v.allowedFor(exchange.sender()))
                .map(v -> replies.text("help.line", v.word(), replies.purposeOf(v), replies.exampleOf(v)))
                .collect(Collectors.joining("\n"));
        return exchange.reply(replies.text("help.title") + "\n" + lines + "\n" + replies.text("help.footer"), false);
    }
}
