package cn.mee.liaison.bot.command;

import cn.mee.liaison.bot.deadline.Deadline;
import cn.mee.liaison.bot.deadline.DeadlineAgenda;
import cn.mee.liaison.bot.deadline.DeadlineStatus;
import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.storage.directory.City;
import cn.mee.liaison.storage.directory.OrgUnit;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * 待办 [城市/单位…]: the open deadlines in the sender's reach, overdue first, then those due within
 * {@value #DAYS} days, each with its number for 已完成 and 延后.
 */
@Component
class AgendaCommand {

    static final int DAYS = 45;
    static final int MAX_LINES = 15;

    private final DeadlineAgenda agenda;
    private final DirectoryCache directory;
    private final DeadlineReplies texts;

    AgendaCommand(DeadlineAgenda agenda, DirectoryCache directory, DeadlineReplies texts) {
        this.agenda = agenda;
        this.directory = directory;
        this.texts = texts;
    }

    OutboxMessage answer(Exchange exchange) {
        String body = exchange.meaning().command().map(CommandLine::body).orElse("");
        DirectorySnapshot snapshot = directory.snapshot();
        List<Predicate<Deadline>> narrowing = new ArrayList<>();
        for (String word : Arrays.stream(body.split("[\\s、,，;；。]+")).filter(w -> !w.isBlank()).toList()) {
            Optional<City> city = snapshot.cityNamed(word).or(() -> snapshot.cityNamed(word + "市"));
            Optional<OrgUnit> unit = snapshot.unitNamed(word);
            if (city.isPresent()) {
                narrowing.add(d -> Objects.equals(d.row().cityId(), city.get().id()));
            } else if (unit.isPresent()) {
                narrowing.add(d -> Objects.equals(d.row().unitId(), unit.get().id()));
            } else {
                return exchange.reply(texts.text("deadline.scope.unknown", word, texts.example(Verb.AGENDA)), true);
            }
        }
        DeadlineReach reach = new DeadlineReach(exchange.sender());
        Predicate<Deadline> which = narrowing.isEmpty() ? reach::sees
                : d -> reach.sees(d) && narrowing.stream().anyMatch(p -> p.test(d));
        List<Deadline> open = agenda.openWithin(DAYS, which);
        if (open.isEmpty()) {
            return exchange.reply(texts.text("deadline.agenda.empty", DAYS), false);
        }
        List<Deadline> overdue = open.stream().filter(d -> d.status() == DeadlineStatus.OVERDUE).toList();
        List<Deadline> coming = open.stream().filter(d -> d.status() == DeadlineStatus.OPEN).toList();
        StringBuilder text = new StringBuilder(texts.text("deadline.agenda.title", open.size()));
        int shown = 0;
        if (!overdue.isEmpty()) {
            text.append('\n').append(texts.text("deadline.agenda.overdue", overdue.size()));
            for (Deadline d : overdue) {
                if (shown++ < MAX_LINES) {
                    text.append("\n").append(texts.line(d));
                }
            }
        }
        if (!coming.isEmpty()) {
            text.append('\n').append(texts.text("deadline.agenda.coming", DAYS, coming.size()));
            for (Deadline d : coming) {
                if (shown++ < MAX_LINES) {
                    text.append("\n").append(texts.line(d));
                }
            }
        }
        if (shown > MAX_LINES) {
            text.append('\n').append(texts.text("deadline.agenda.more", shown - MAX_LINES));
        }
        return exchange.reply(text.append('\n').append(texts.text("deadline.agenda.footer")).toString(), false);
    }
}
