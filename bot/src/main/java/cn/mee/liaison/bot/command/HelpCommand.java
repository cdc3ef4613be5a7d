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
                .map(v -> line(v, exchange))
                .collect(Collectors.joining("\n"));
        return exchange.reply(replies.text("help.title") + "\n" + lines + "\n" + replies.text("help.footer"), false);
    }

    /** 查询 reaches further for the bureau and coordinators, and its help says so. */
    private String line(Verb verb, Exchange exchange) {
        boolean wide = verb == Verb.QUERY && (exchange.sender().speaksForBureau()
                || !exchange.sender().coordinatorOf().isEmpty());
        String key = "verb." + verb.name() + (wide ? ".wide" : "");
        return replies.text("help.line", verb.word(), replies.text(key + ".purpose"), replies.text(key + ".example"));
    }
}
