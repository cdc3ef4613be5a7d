package cn.mee.liaison.bot.command;

import cn.mee.liaison.bot.notice.NoticeAcks;
import cn.mee.liaison.storage.message.RecordType;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Decides what the bot says to a filed message. Commands are answered; free text gets an answer only where the
 * rules ask for one (an emergency is relayed, a public complaint is pointed to 12369, a group's reply to the day's
 * dispatch prompt is counted and confirmed) or where the member @-mentioned the bot.
 */
@Component
public class CommandRouter {

    private final Replies replies;
    private final HelpCommand help;
    private final RecordConfirmation confirmation;
    private final EmergencyRelay emergencies;
    private final RecordQueryCommand query;
    private final NoticeAcks acks;
    private final PushCommand push;
    private final DailyReportCommand dailyReport;
    private final MissingReportsCommand missingReports;
    private final DaySummaryCommand daySummary;
    private final DeadlineCommands deadlines;

    CommandRouter(Replies replies, HelpCommand help, RecordConfirmation confirmation, EmergencyRelay emergencies,
                  RecordQueryCommand query, NoticeAcks acks, PushCommand push, DailyReportCommand dailyReport,
                  MissingReportsCommand missingReports, DaySummaryCommand daySummary, DeadlineCommands deadlines) {
        this.replies = replies;
        this.help = help;
        this.confirmation = confirmation;
        this.emergencies = emergencies;
        this.query = query;
        this.acks = acks;
        this.push = push;
        this.dailyReport = dailyReport;
        this.missingReports = missingReports;
        this.daySummary = daySummary;
        this.deadlines = deadlines;
    }

    public List<OutboxMessage> respond(Exchange exchange) {
        acknowledgeNotice(exchange);
        Optional<Verb> verb = exchange.meaning().verb();
        if (verb.isPresent()) {
            return command(exchange, verb.get());
        }
        RecordType type = exchange.meaning().type();
        if (type == RecordType.EMERGENCY) {
            return emergencies.relay(exchange, true);
        }
        if (type == RecordType.PUBLIC_COMPLAINT) {
            return List.of(exchange.reply(replies.text("complaint.pointer"), true));
        }
        Optional<OutboxMessage> report = dailyReport.answerFreeText(exchange);
        if (report.isPresent()) {
            return List.of(report.get());
        }
        if (!exchange.message().mentionsBot()) {
            return List.of();
        }
        Optional<Verb> recordVerb = verbFiling(type);
        if (recordVerb.isPresent()) {
            return List.of(recordVerb.get() == Verb.DAILY_REPORT ? dailyReport.answer(exchange)
                    : confirmation.answer(exchange, recordVerb.get()));
        }
        return type == RecordType.ACK ? List.of() : List.of(exchange.reply(replies.text("mention.hint"), false));
    }

    private List<OutboxMessage> command(Exchange exchange, Verb verb) {
        if (!verb.allowedFor(exchange.sender())) {
            return List.of(exchange.reply(replies.text("command.not.allowed." + verb.refusalFor(exchange.sender()),
                    verb.word(), verb.recordType().label()), true));
        }
        if (deadlines.handles(verb)) {
            return List.of(deadlines.answer(exchange, verb));
        }
        return switch (verb) {
            case HELP -> List.of(help.answer(exchange));
            case QUERY -> List.of(query.answer(exchange));
            case PUSH -> List.of(push.answer(exchange));
            case DAILY_REPORT -> List.of(dailyReport.answer(exchange));
            case MISSING_REPORTS -> List.of(missingReports.answer(exchange));
            case DAY_SUMMARY -> List.of(daySummary.answer(exchange));
            case ACK -> List.of();
            case EMERGENCY -> emergencies.relay(exchange, false);
            default -> List.of(confirmation.answer(exchange, verb));
        };
    }

    /** 收到, or a quote of a notice, acknowledges the notice waiting for it in this chat. */
    private void acknowledgeNotice(Exchange exchange) {
        boolean ack = exchange.meaning().type() == RecordType.ACK;
        String quoted = exchange.message().quotedText();
        if (ack || quoted != null) {
            acks.acknowledge(exchange.message().channel(), exchange.message().chatId(), exchange.message().senderId(),
                    exchange.sender().senderName(), exchange.now(), exchange.filed().id(), quoted, ack);
        }
    }

    private static Optional<Verb> verbFiling(RecordType type) {
        return Arrays.stream(Verb.values()).filter(v -> v.filesRecord() && v.recordType() == type
                && type != RecordType.ACK).findFirst();
    }
}
