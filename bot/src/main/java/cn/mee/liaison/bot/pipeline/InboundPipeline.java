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
import cn.mee.liaison.storage.attachment.Attachment;
import cn.mee.liaison.storage.attachment.AttachmentMapper;
import cn.mee.liaison.storage.message.FiledMessage;
import cn.mee.liaison.storage.message.FiledMessageMapper;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import cn.mee.liaison.storage.outbox.Purpose;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way in for every message, whatever its door, in two steps.
 * <ol>
 * <li>{@link #file}: resolve where it was said, read what it means, and file it with its attachments, in one short
 * transaction. A channel acknowledges the message to its platform only after this returned; if the database fails,
 * nothing is written and the platform's retry tries again. A message filed before is recognised and changes
 * nothing.</li>
 * <li>{@link #answer}: run the command and put what the bot says into the outbox, in a second transaction that also
 * marks the message answered. A fault in a command does not lose the message: it is answered with an apology. If the
 * bot stops between the steps, {@link UnansweredMessages} answers the message later.</li>
 * </ol>
 */
@Service
public class InboundPipeline {

    private static final Logger log = LoggerFactory.getLogger(InboundPipeline.class);

    private final FiledMessageMapper messages;
    private final AttachmentMapper attachments;
    private final DirectoryCache directory;
    private final Interpreter interpreter;
    private final CommandRouter commands;
    private final Outbox outbox;
    private final Replies replies;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;

    InboundPipeline(FiledMessageMapper messages, AttachmentMapper attachments, DirectoryCache directory,
                    Interpreter interpreter, CommandRouter commands, Outbox outbox, Replies replies,
                    PlatformTransactionManager transactionManager, Clock clock, MeterRegistry meters) {
        this.messages = messages;
        this.attachments = attachments;
        this.directory = directory;
        this.interpreter = interpreter;
        this.commands = commands;
        this.outbox = outbox;
        this.replies = replies;
        // READ COMMITTED: a delivery that lost the race for the same message must see the winner's row
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.clock = clock;
        this.meters = meters;
    }

    /** Both steps, one after the other. */
    public PipelineOutcome handle(InboundMessage message) {
        return answer(file(message));
    }

    public Filing file(InboundMessage message) {
        return file(message, () -> { });
    }

    /** @param alsoWhenFiled done first in the filing transaction, duplicate or not (a callback's nonce recorded) */
    public Filing file(InboundMessage message, Runnable alsoWhenFiled) {
        Instant now = clock.instant();
        ChatContext context = ChatContexts.resolve(message, directory.snapshot());
        Interpretation meaning = interpreter.interpret(message.text(), LocalDate.ofInstant(now, clock.getZone()));
        FiledMessage row = record(message, context, meaning, now);
        Filing filing = transactions.execute(status -> {
            alsoWhenFiled.run();
            return insert(message, row, context, meaning, now);
        });
        if (!filing.duplicate()) {
            meters.counter("liaison.messages.filed", "type", row.recordType().name(), "channel",
                    row.channel().name()).increment();
        }
        return filing;
    }

    public PipelineOutcome answer(Filing filing) {
        return answer(filing, null);
    }

    /**
     * Answers the message. With {@code holdRepliesUntil}, its text replies in its own channel are kept from the
     * outbox workers until then, for a door that gives them in its own answer to the platform (the robot's passive
     * reply, the long connection's respond): that door takes them ({@code OutboxClaims.take} with the same instant),
     * or, if it cannot, they fall due to the workers then. Without the hold a worker's poll could claim a reply
     * between this commit and the door taking it, and the reply would go the long way round.
     */
    public PipelineOutcome answer(Filing filing, Instant holdRepliesUntil) {
        if (filing.duplicate()) {
            return new PipelineOutcome(filing.filed(), true, List.of());
        }
        try {
            return transactions.execute(status -> answerOnce(filing, true, holdRepliesUntil));
        } catch (DataAccessException e) {
            throw e; // stays unanswered; answered when the database is back
        } catch (RuntimeException e) {
            log.error("answering message {} from {} failed; answering with an apology", filing.filed().id(),
                    filing.message().chatId(), e);
            return transactions.execute(status -> answerOnce(filing, false, holdRepliesUntil));
        }
    }

    private Filing insert(InboundMessage message, FiledMessage row, ChatContext context, Interpretation meaning,
                          Instant now) {
        FiledMessage filed;
        try {
            // inserted straight away: a message is new far more often than it is delivered again
            filed = row.withId(messages.insert(row, false));
        } catch (DuplicateKeyException again) {
            // filed before, or the same message is being filed by another delivery at this moment: the insert waited
            // for that one to commit, and READ COMMITTED reads its row
            return new Filing(message, messages.findByExternalId(row.channel(), row.externalId()).orElseThrow(),
                    true, context, meaning);
        }
        for (InboundMessage.IncomingFile file : message.files()) {
            attachments.insert(Attachment.pending(filed.id(), file.kind(), file.source(), file.decryptKey(),
                    file.fileName(), now));
        }
        return new Filing(message, filed, false, context, meaning);
    }

    private PipelineOutcome answerOnce(Filing filing, boolean runCommands, Instant holdRepliesUntil) {
        if (!messages.claimAnswering(filing.filed().id())) {
            return new PipelineOutcome(filing.filed(), false, List.of()); // answered already, elsewhere
        }
        Exchange exchange = new Exchange(filing.message(), filing.filed(), filing.meaning(), filing.context(),
                clock.instant());
        List<OutboxMessage> said = runCommands ? commands.respond(exchange)
                : List.of(exchange.reply(replies.text("command.failed"), true));
        if (holdRepliesUntil != null) {
            said = said.stream().map(row -> heldForTheDoor(row, filing) ? row.withNextAttemptAt(holdRepliesUntil) : row)
                    .toList();
        }
        return new PipelineOutcome(filing.filed(), false, outbox.enqueue(said));
    }

    /** A reply its door can give in its own answer: text, in the message's channel. */
    private static boolean heldForTheDoor(OutboxMessage row, Filing filing) {
        return row.purpose() == Purpose.REPLY && row.channel() == filing.message().channel()
                && !row.format().carriesFile();
    }

    private static FiledMessage record(InboundMessage m, ChatContext c, Interpretation meaning, Instant now) {
        return new FiledMessage(null, m.channel(), m.chatId(), m.chatType(), m.externalId(), m.senderId(),
                c.senderName(), c.groupId(), c.unitId(), c.cityId(), c.roundId(), meaning.type(), m.contentKind(),
                m.text(), meaning.parsed().fields(), m.rawPayload(), now, m.mentionsBot());
    }

    /** The filing of a message read back from the archive, to answer it after a stop. */
    Filing refile(FiledMessage filed) {
        InboundMessage message = new InboundMessage(filed.channel(), filed.chatId(), filed.chatType(),
                filed.externalId(), filed.senderId(), filed.senderName(), filed.contentKind(), filed.text(),
                filed.rawPayload(), filed.mentioned(), List.of(), null);
        Interpretation meaning = interpreter.interpret(filed.text(),
                LocalDate.ofInstant(filed.receivedAt(), clock.getZone()));
        return new Filing(message, filed, false, ChatContexts.resolve(message, directory.snapshot()), meaning);
    }
}
