package cn.mee.liaison.bot.command;

import cn.mee.liaison.bot.deadline.Deadline;
import cn.mee.liaison.bot.deadline.DeadlineAgenda;
import cn.mee.liaison.bot.deadline.ReportPeriod;
import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.storage.directory.OrgUnit;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * 已报送 [单位] [2026年第四季度]: the unit's quarterly written report is done. Without a unit, the sender's own (the one
 * they coordinate, or their group's); without a period, the unit's one open report due around now (if several
 * are open, the bot asks which).
 */
@Component
class ReportSubmittedCommand {

    private final DeadlineAgenda agenda;
    private final DirectoryCache directory;
    private final DeadlineReplies texts;

    ReportSubmittedCommand(DeadlineAgenda agenda, DirectoryCache directory, DeadlineReplies texts) {
        this.agenda = agenda;
        this.directory = directory;
        this.texts = texts;
    }

    OutboxMessage answer(Exchange exchange) {
        LocalDate today = texts.today(exchange);
        String body = exchange.meaning().command().map(CommandLine::body).orElse("");
        DirectorySnapshot snapshot = directory.snapshot();
        DeadlineReach reach = new DeadlineReach(exchange.sender());
        Optional<ReportPeriod> period = ReportPeriod.find(body, today);
        String rest = period.map(p -> body.substring(0, p.start()) + " " + body.substring(p.end())).orElse(body)
                .replaceAll("[\\s、,，:：。]+", " ").strip();
        Optional<OrgUnit> unit;
        if (!rest.isEmpty()) {
            unit = snapshot.unitNamed(rest);
            if (unit.isEmpty()) {
                return exchange.reply(texts.text("deadline.unit.unknown", rest, texts.example(Verb.REPORT_SUBMITTED)),
                        true);
            }
        } else {
            unit = reach.onlyUnit().flatMap(snapshot::unit);
            if (unit.isEmpty()) {
                return exchange.reply(texts.text("deadline.unit.which", texts.example(Verb.REPORT_SUBMITTED)), true);
            }
        }
        if (period.isPresent()) {
            Optional<Deadline> report = agenda.quarterlyReport(unit.get().id(), period.get().key());
            return report.isEmpty()
                    ? exchange.reply(texts.text("deadline.report.none.period", unit.get().name()), true)
                    : texts.close(exchange, report.get(), reach, body);
        }
        List<Deadline> open = agenda.openQuarterlyReports(unit.get().id());
        if (open.isEmpty()) {
            return exchange.reply(texts.text("deadline.report.none", unit.get().name()), true);
        }
        if (open.size() > 1) {
            String lines = open.stream().map(texts::line).collect(Collectors.joining("\n"));
            return exchange.reply(texts.text("deadline.report.which", unit.get().name(), lines), true);
        }
        return texts.close(exchange, open.get(0), reach, body);
    }
}
