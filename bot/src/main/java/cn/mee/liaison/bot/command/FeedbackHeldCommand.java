package cn.mee.liaison.bot.command;

import cn.mee.liaison.bot.classify.ChineseDates;
import cn.mee.liaison.bot.deadline.Deadline;
import cn.mee.liaison.bot.deadline.DeadlineAgenda;
import cn.mee.liaison.bot.deadline.Deadlines;
import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.bot.web.BadRequest;
import cn.mee.liaison.storage.directory.City;
import cn.mee.liaison.storage.directory.GroupKind;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * 已反馈 保定市 2026-11-20 [说明]: a formal feedback meeting was held with the city. The feedback then due is done and
 * the next one falls due from this meeting. Without a city, the sender's (their central group's, or the one city
 * whose lead unit they coordinate); without a date, today.
 */
@Component
class FeedbackHeldCommand {

    private final DeadlineAgenda agenda;
    private final Deadlines deadlines;
    private final DirectoryCache directory;
    private final DeadlineReplies texts;

    FeedbackHeldCommand(DeadlineAgenda agenda, Deadlines deadlines, DirectoryCache directory,
                        DeadlineReplies texts) {
        this.agenda = agenda;
        this.deadlines = deadlines;
        this.directory = directory;
        this.texts = texts;
    }

    OutboxMessage answer(Exchange exchange) {
        LocalDate today = texts.today(exchange);
        String body = exchange.meaning().command().map(CommandLine::body).orElse("");
        DirectorySnapshot snapshot = directory.snapshot();
        LocalDate heldOn = today;
        String rest = body;
        Optional<ChineseDates.DateMatch> date = ChineseDates.find(body, today);
        if (date.isPresent()) {
            heldOn = date.get().date();
            rest = body.substring(0, date.get().start()) + " " + body.substring(date.get().end());
        }
        Optional<City> city = Optional.empty();
        List<String> note = new ArrayList<>();
        for (String word : Arrays.stream(rest.split("[\\s、,，:：;；。]+")).filter(w -> !w.isBlank()).toList()) {
            Optional<City> named = city.isEmpty() ? cityNamed(snapshot, word) : Optional.empty();
            if (named.isPresent()) {
                city = named;
            } else {
                note.add(word);
            }
        }
        if (city.isEmpty()) {
            city = ownCity(exchange, snapshot);
            if (city.isEmpty()) {
                return exchange.reply(texts.text("deadline.city.which", texts.example(Verb.FEEDBACK_HELD)), true);
            }
        }
        if (heldOn.isAfter(today)) {
            return exchange.reply(texts.text("deadline.feedback.future", heldOn), true);
        }
        Optional<Deadline> due = agenda.feedbackDue(city.get().id());
        if (due.isEmpty()) {
            return exchange.reply(texts.text("deadline.feedback.none", city.get().name()), true);
        }
        DeadlineReach reach = new DeadlineReach(exchange.sender());
        if (!reach.mayClose(due.get())) {
            return exchange.reply(texts.text("deadline.not.yours", texts.line(due.get())), true);
        }
        Deadline next;
        try {
            next = deadlines.recordFeedback(city.get(), heldOn, DeadlineReplies.said(exchange, String.join(" ", note)),
                    DeadlineReplies.actor(exchange), exchange.filed().id());
        } catch (BadRequest refused) {
            return exchange.reply(refused.getMessage(), true);
        }
        return exchange.reply(texts.text("deadline.feedback.recorded", city.get().name(), heldOn,
                texts.line(next)), true);
    }

    private static Optional<City> cityNamed(DirectorySnapshot snapshot, String word) {
        Optional<City> city = snapshot.cityNamed(word);
        return city.isPresent() || word.endsWith("市") ? city : snapshot.cityNamed(word + "市");
    }

    private static Optional<City> ownCity(Exchange exchange, DirectorySnapshot snapshot) {
        if (exchange.sender().group().map(g -> g.kind() == GroupKind.CENTRAL).orElse(false)) {
            return exchange.sender().city();
        }
        List<City> led = snapshot.cities().stream().filter(c -> exchange.sender().coordinates(c.leadUnitId()))
                .toList();
        return led.size() == 1 ? Optional.of(led.get(0)) : Optional.empty();
    }
}
