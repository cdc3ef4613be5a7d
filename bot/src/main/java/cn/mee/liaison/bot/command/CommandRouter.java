package cn.mee.liaison.bot.command;

import cn.mee.liaison.storage.message.RecordType;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Decides what the bot says to a filed message. Commands are answered; free text gets an answer only where the
 * rules ask for one (an emergency is relayed, a public complaint is pointed to 12369) or where the member
 * @-mentioned the bot.
 */
@Component
public class CommandRouter {

    private final Replies replies;
    private final HelpCommand help;
    private final RecordConfirmation confirmation;
    private final EmergencyRelay emergencies;
    private final RecordQueryCommand query;

    CommandRouter(Replies replies, HelpCommand help, RecordConfirmation confirmation, EmergencyRelay emergencies,
                  RecordQueryCommand query) {
        this.replies = replies;
        this.help = help;
        this.confirmation = confirmation;
        this.emergencies = emergencies;
        this.query = query;
    }

    public List<OutboxMessage> respond(Exchange exchange) {
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
        if (!exchange.message().mentionsBot()) {
            return List.of();
        }
        Optional<Verb> recordVerb = verbFiling(type);
        if (recordVerb.isPresent()) {
            return List.of(confirmation.answer(exchange, recordVerb.get()));
        }
        return type == RecordType.ACK ? List.of() : List.of(exchange.reply(replies.text("mention.hint"), false));
    }

    private List<OutboxMessage> command(Exchange exchange, Verb verb) {
        if (!verb.allowedFor(exchange.sender())) {
            return List.of(exchange.reply(replies.text("command.not.allowed." + verb.audienceName(),
                    verb.word(), verb.recordType().label()), true));
        }
        return switch (verb) {
            case HELP -> List.of(help.answer(exchange));
            case QUERY -> List.of(query.answer(exchange));
            case ACK -> List.of();
            case EMERGENCY -> emergencies.relay(exchange, false);
            default -> List.of(confirmation.answer(exchange, verb));
        };
    }

    private static Optional<Verb> verbFiling(RecordType type) {
        return Arrays.stream(Verb.values()).filter(v -> v.filesRecord() && v.recordType() == type
                && type != RecordType.ACK).findFirst();
    }
}
