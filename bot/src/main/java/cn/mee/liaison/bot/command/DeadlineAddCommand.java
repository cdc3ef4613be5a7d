package cn.mee.liaison.bot.command;

import cn.mee.liaison.bot.classify.ChineseDates;
import cn.mee.liaison.bot.deadline.Deadline;
import cn.mee.liaison.bot.deadline.Deadlines;
import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.bot.web.BadRequest;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * 新增截止 2026-12-20 [保定市|单位] 标题: a custom deadline, for a city (its central group is reminded), a responsible
 * unit (its coordinator and groups), or, with neither, the bureau.
 */
@Component
class DeadlineAddCommand {

    private final Deadlines deadlines;
    private final DirectoryCache directory;
    private final DeadlineReplies texts;

    DeadlineAddCommand(Deadlines deadlines, DirectoryCache directory, DeadlineReplies texts) {
        this.deadlines = deadlines;
        this.directory = directory;
        this.texts = texts;
    }

    OutboxMessage answer(Exchange exchange) {
        LocalDate today = texts.today(exchange);
        String body = exchange.meaning().command().map(CommandLine::body).orElse("");
        Optional<ChineseDates.DateMatch> date = ChineseDates.find(body, today);
        if (date.isEmpty()) {
            return exchange.reply(texts.text("deadline.add.date", texts.example(Verb.DEADLINE_ADD)), true);
        }
        if (date.get().date().isBefore(today)) {
            return exchange.reply(texts.text("deadline.add.past", date.get().date()), true);
        }
        String rest = (body.substring(0, date.get().start()) + " " + body.substring(date.get().end()))
                .replaceFirst("^[\\s,，:：。前]+", "").strip();
        DirectorySnapshot snapshot = directory.snapshot();
        String unit = null;
        String city = null;
        String[] words = rest.split("[\\s,，:：]+", 2);
        if (words.length == 2 || snapshot.cityNamed(words[0]).isPresent() || snapshot.unitNamed(words[0]).isPresent()) {
            if (snapshot.cityNamed(words[0]).isPresent()) {
                city = words[0];
                rest = words.length == 2 ? words[1] : "";
            } else if (snapshot.unitNamed(words[0]).isPresent()) {
                unit = words[0];
                rest = words.length == 2 ? words[1] : "";
            }
        }
        if (rest.isBlank()) {
            return exchange.reply(texts.text("deadline.add.title", texts.example(Verb.DEADLINE_ADD)), true);
        }
        try {
            Deadline added = deadlines.addCustom(rest.strip(), date.get().date(), unit, city,
                    DeadlineReplies.actor(exchange));
            return exchange.reply(texts.text("deadline.added", texts.line(added)), true);
        } catch (BadRequest refused) {
            return exchange.reply(refused.getMessage().replaceFirst("^\\w+：", ""), true);
        }
    }
}
