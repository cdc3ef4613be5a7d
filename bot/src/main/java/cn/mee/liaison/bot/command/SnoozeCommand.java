package cn.mee.liaison.bot.command;

import cn.mee.liaison.bot.classify.ChineseNumerals;
import cn.mee.liaison.bot.deadline.Deadline;
import cn.mee.liaison.bot.deadline.DeadlineAgenda;
import cn.mee.liaison.bot.deadline.Deadlines;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import cn.mee.liaison.storage.outbox.TargetType;
import cn.mee.liaison.storage.message.ChatType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * 延后 3天 [编号]: no reminders of the deadline for three days (the deadline itself does not move). Without a number,
 * the deadlines reminded in this chat (or to this person) in the last week. At most {@value #MAX_DAYS} days.
 */
@Component
class SnoozeCommand {

    static final int MAX_DAYS = 30;
    private static final Pattern SHAPE = Pattern.compile(
            "^([0-9]{1,3}|[一二三四五六七八九十两]{1,3})\\s*(天|日|周|个星期|星期)?\\s*(?:[,，:：]?\\s*(?:编号|第|#)?\\s*(\\d{1,12})\\s*号?)?\\s*$");

    private final DeadlineAgenda agenda;
    private final Deadlines deadlines;
    private final DeadlineReplies texts;

    SnoozeCommand(DeadlineAgenda agenda, Deadlines deadlines, DeadlineReplies texts) {
        this.agenda = agenda;
        this.deadlines = deadlines;
        this.texts = texts;
    }

    OutboxMessage answer(Exchange exchange) {
        String body = exchange.meaning().command().map(CommandLine::body).orElse("");
        Matcher m = SHAPE.matcher(body.strip());
        OptionalLong count = m.matches() ? ChineseNumerals.parse(m.group(1)) : OptionalLong.empty();
        if (count.isEmpty() || count.getAsLong() < 1) {
            return exchange.reply(texts.text("deadline.snooze.shape", texts.example(Verb.SNOOZE)), true);
        }
        long days = count.getAsLong() * (m.group(2) != null && m.group(2).contains("周")
                || m.group(2) != null && m.group(2).contains("星期") ? 7 : 1);
        if (days > MAX_DAYS) {
            return exchange.reply(texts.text("deadline.snooze.too.long", MAX_DAYS), true);
        }
        DeadlineReach reach = new DeadlineReach(exchange.sender());
        List<Deadline> which;
        if (m.group(3) != null) {
            Optional<Deadline> one = agenda.find(Long.parseLong(m.group(3)));
            if (one.isEmpty()) {
                return exchange.reply(texts.text("deadline.number.unknown", m.group(3)), true);
            }
            if (!reach.mayClose(one.get())) {
                return exchange.reply(texts.text("deadline.not.yours", texts.line(one.get())), true);
            }
            which = List.of(one.get());
        } else {
            boolean single = exchange.message().chatType() == ChatType.SINGLE;
            which = agenda.remindedIn(exchange.message().channel(), single ? TargetType.USER : TargetType.CHAT,
                    single ? exchange.message().senderId() : exchange.message().chatId()).stream()
                    .filter(reach::mayClose).toList();
            if (which.isEmpty()) {
                return exchange.reply(texts.text("deadline.snooze.nothing", texts.example(Verb.SNOOZE)), true);
            }
        }
        Instant until = exchange.now().plus(days, ChronoUnit.DAYS);
        which.forEach(d -> deadlines.snooze(d.id(), until, DeadlineReplies.actor(exchange)));
        String lines = which.stream().map(texts::line).collect(Collectors.joining("\n"));
        return exchange.reply(texts.text("deadline.snoozed", days,
                until.atZone(texts.zone()).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString()
                        .replace('T', ' '), lines), true);
    }
}
