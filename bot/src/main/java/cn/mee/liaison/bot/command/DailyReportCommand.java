package cn.mee.liaison.bot.command;

import cn.mee.liaison.bot.classify.FieldKind;
import cn.mee.liaison.bot.classify.FieldSpec;
import cn.mee.liaison.bot.dispatch.DailyReports;
import cn.mee.liaison.bot.dispatch.DispatchPlan;
import cn.mee.liaison.bot.dispatch.DispatchRoster;
import cn.mee.liaison.bot.dispatch.DispatchTexts;
import cn.mee.liaison.bot.dispatch.ReportReceipt;
import cn.mee.liaison.storage.directory.WorkGroup;
import cn.mee.liaison.storage.message.RecordType;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A group's daily report (日报, or a reply in free text after the day's prompt): counted for the group when a member
 * or leader of it says it in its chat, and answered with what was understood — or exactly what is still missing.
 * Anywhere else it is filed like any record.
 */
@Component
class DailyReportCommand {

    private final DailyReports reports;
    private final DispatchRoster roster;
    private final RecordConfirmation confirmation;
    private final Replies replies;

    DailyReportCommand(DailyReports reports, DispatchRoster roster, RecordConfirmation confirmation,
                       Replies replies) {
        this.reports = reports;
        this.roster = roster;
        this.confirmation = confirmation;
        this.replies = replies;
    }

    OutboxMessage answer(Exchange exchange) {
        Optional<WorkGroup> group = exchange.sender().group();
        if (group.isEmpty()) {
            return confirmation.answer(exchange, Verb.DAILY_REPORT);
        }
        if (exchange.sender().membership().isEmpty()) {
            return exchange.reply(replies.text("dispatch.not.member", group.get().name()), true);
        }
        String body = exchange.meaning().command().map(CommandLine::body).orElse(exchange.meaning().text());
        if (body.isBlank()) {
            return exchange.reply(replies.text("dispatch.empty",
                    DispatchTexts.example(roster.planOf(group.get()))), true);
        }
        return receipt(exchange, group.get(), body);
    }

    /** A free-text message in a group's chat, taken as its report when it reads as one in the day's window. */
    Optional<OutboxMessage> answerFreeText(Exchange exchange) {
        Optional<WorkGroup> group = exchange.sender().group();
        RecordType type = exchange.meaning().type();
        if (group.isEmpty() || exchange.sender().membership().isEmpty()
                || (type != RecordType.DAILY_REPORT && type != RecordType.CHAT)) {
            return Optional.empty();
        }
        String text = exchange.meaning().text();
        if (!reports.takesFreeText(group.get(), text, type == RecordType.DAILY_REPORT, exchange.now())) {
            return Optional.empty();
        }
        return Optional.of(receipt(exchange, group.get(), text));
    }

    private OutboxMessage receipt(Exchange exchange, WorkGroup group, String body) {
        ReportReceipt receipt = reports.submit(new DailyReports.Submission(group, exchange.filed(),
                exchange.message().senderId(), exchange.sender().senderName(), body, exchange.now()));
        DispatchPlan plan = receipt.plan();
        String status = (receipt.late() ? replies.text("dispatch.saved.late", DispatchTexts.time(plan.closeAt())) : "")
                + (receipt.replaced() ? replies.text("dispatch.saved.replaced") : "");
        StringBuilder text = new StringBuilder(replies.text("dispatch.saved", group.name(),
                DispatchTexts.day(receipt.day()), status));
        for (FieldSpec field : plan.fields()) {
            Object value = receipt.fields().get(field.code());
            if (value != null) {
                text.append('\n').append(replies.text("record.field", field.label(), value));
            }
        }
        if (!receipt.complete()) {
            text.append(replies.text("dispatch.missing", DispatchTexts.labels(receipt.missing()),
                    receipt.missing().stream().map(f -> f.label() + "：" + hint(f, receipt.day()))
                            .collect(Collectors.joining("，"))));
        }
        if (!receipt.dispatchDay()) {
            text.append(replies.text("dispatch.saved.not.dispatch.day", roster.describe(receipt.day())));
        }
        return exchange.reply(text.toString(), true);
    }

    private static String hint(FieldSpec field, LocalDate day) {
        return field.kind() == FieldKind.DATE ? day.toString() : "…";
    }
}
