package cn.mee.liaison.bot.pipeline;

import cn.mee.liaison.bot.command.CommandRouter;
import cn.mee.liaison.bot.command.Exchange;
import cn.mee.liaison.bot.command.Interpretation;
import cn.mee.liaison.bot.command.Interpreter;
import cn.mee.liaison.bot.command.Replies;
import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.inbound.ChatContext;
import cn.mee.liaison.bot.inbound.ChatContexts;
import cn.mee.liaison.bot.inbound.InboundMessage;
import cn.mee.liaison.bot.inbound.PipelineOutcome;
import cn.mee.liaison.bot.outbox.Outbox;
import cn.mee.liaison.storage.message.FiledMessage;
import cn.mee.liaison.storage.message.FiledMessageMapper;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way in for every message, whatever its door: resolve where it was said, read what it means, file it, and
 * answer it, all in one transaction. A message is acknowledged to its platform only after this returns, so a
 * failure of the database leaves nothing half done and the platform's retry tries again; a message already filed
 * is recognised and changes nothing. A fault in answering a command does not lose the message: it is filed alone
 * with an apology.
 */
@Service
public class InboundPipeline {

    private static final Logger log = LoggerFactory.getLogger(InboundPipeline.class);

    private final FiledMessageMapper messages;
    private final DirectoryCache directory;
    private final Interpreter interpreter;
    private final CommandRouter commands;
    private final Outbox outbox;
    private final Replies replies;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;

    InboundPipeline(FiledMessageMapper messages, DirectoryCache directory, Interpreter interpreter,
                    CommandRouter commands, Outbox outbox, Replies replies, TransactionTemplate transactions,
                    Clock clock, MeterRegistry meters) {
        this.messages = messages;
        this.directory = directory;
        this.interpreter = interpreter;
        this.commands = commands;
        this.outbox = outbox;
        this.replies = replies;
        // READ COMMITTED: a delivery that lost the race for the same message must see the winner's row
        this.transactions = new TransactionTemplate(transactions.getTransactionManager());
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.clock = clock;
        this.meters = meters;
    }

    public PipelineOutcome handle(InboundMessage message) {
        Instant now = clock.instant();
        ChatContext context = ChatContexts.resolve(message, directory.snapshot());
        Interpretation meaning = interpreter.interpret(message.text(), LocalDate.ofInstant(now, clock.getZone()));
        FiledMessage row = record(message, context, meaning, now);
        PipelineOutcome outcome;
        try {
            outcome = transactions.execute(status -> fileAndAnswer(row, message, context, meaning, now, true));
        } catch (DataAccessException e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("answering message {} from {} failed; filing it with an apology", message.externalId(),
                    message.chatId(), e);
            outcome = transactions.execute(status -> fileAndAnswer(row, message, context, meaning, now, false));
        }
        if (!outcome.duplicate()) {
            meters.counter("liaison.messages.filed", "type", row.recordType().name(), "channel",
                    row.channel().name()).increment();
        }
        return outcome;
    }

    private PipelineOutcome fileAndAnswer(FiledMessage row, InboundMessage message, ChatContext context,
                                          Interpretation meaning, Instant now, boolean answer) {
        Optional<FiledMessage> earlier = messages.findByExternalId(row.channel(), row.externalId());
        if (earlier.isPresent()) {
            return new PipelineOutcome(earlier.get(), true, List.of());
        }
        FiledMessage filed;
        try {
            filed = row.withId(messages.insert(row));
        } catch (DuplicateKeyException raced) {
            // the same message arrived twice at once; the other delivery filed it
            return new PipelineOutcome(messages.findByExternalId(row.channel(), row.externalId()).orElseThrow(),
                    true, List.of());
        }
        Exchange exchange = new Exchange(message, filed, meaning, context, now);
        List<OutboxMessage> said = answer ? commands.respond(exchange)
                : List.of(exchange.reply(replies.text("command.failed"), true));
        return new PipelineOutcome(filed, false, outbox.enqueue(said));
    }

    private static FiledMessage record(InboundMessage m, ChatContext c, Interpretation meaning, Instant now) {
        return new FiledMessage(null, m.channel(), m.chatId(), m.chatType(), m.externalId(), m.senderId(),
                c.senderName(), c.groupId(), c.unitId(), c.cityId(), c.roundId(), meaning.type(), m.contentKind(),
                m.text(), meaning.parsed().fields(), m.rawPayload(), now);
    }
}
