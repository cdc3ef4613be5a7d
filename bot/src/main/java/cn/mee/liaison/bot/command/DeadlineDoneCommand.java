package cn.mee.liaison.bot.command;

import cn.mee.liaison.bot.deadline.Deadline;
import cn.mee.liaison.bot.deadline.DeadlineAgenda;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** 已完成 12 [说明]: the deadline numbered 12 (as reminders and 待办 show it) is done. */
@Component
class DeadlineDoneCommand {

    private static final Pattern NUMBER = Pattern.compile("^(?:编号|第|#|No\\.?)?\\s*(\\d{1,12})\\s*号?(.*)$",
            Pattern.DOTALL);

    private final DeadlineAgenda agenda;
    private final DeadlineReplies texts;

    DeadlineDoneCommand(DeadlineAgenda agenda, DeadlineReplies texts) {
        this.agenda = agenda;
        this.texts = texts;
    }

    OutboxMessage answer(Exchange exchange) {
        String body = exchange.meaning().command().map(CommandLine::body).orElse("");
        Matcher m = NUMBER.matcher(body.strip());
        if (!m.matches()) {
            return exchange.reply(texts.text("deadline.number.missing", texts.example(Verb.DEADLINE_DONE)), true);
        }
        Optional<Deadline> deadline = agenda.find(Long.parseLong(m.group(1)));
        if (deadline.isEmpty()) {
            return exchange.reply(texts.text("deadline.number.unknown", m.group(1)), true);
        }
        String note = m.group(2).replaceFirst("^[\\s,，:：。]+", "");
        return texts.close(exchange, deadline.get(), new DeadlineReach(exchange.sender()), note);
    }
}
