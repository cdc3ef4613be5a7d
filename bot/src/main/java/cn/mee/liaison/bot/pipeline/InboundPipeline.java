package cn.mee.liaison.bot.pipeline;

import cn.mee.liaison.bot.command.CommandRouter;
import cn.mee.liaison.bot.command.Exchange;
import cn.mee.liaison.bot.command.Interpretation;
import cn.mee.liaison.bot.command.Interpreter;
import cn.mee.liaison.bot.command.Replies;
import cn.mee.liaison.bot.command.Verb;
import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.inbound.ChatContext;
import cn.mee.liaison.bot.inbound.ChatContexts;
import cn.mee.liaison.bot.inbound.InboundMessage;
import cn.mee.liaison.bot.inbound.PipelineOutcome;
import cn.mee.liaison.bot.outbox.OneAnswer;
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
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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
 * {@link #handle} takes both steps in one transaction where the answer is quick (a report, a record, an
 * acknowledgement: every message but the commands {@link Verb#answeredApart() answered apart}), so that a door waiting
 * for them pays one commit, not two; where that fails, it takes them one after the other. That transaction is shared
 * by the messages arriving at the same moment ({@link GroupCommit}: {@code liaison.filing.batch-size},
 * {@code liaison.filing.committers}).
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
    private final GroupCommit groupCommit;
    private final Clock clock;
    private final MeterRegistry meters;

    InboundPipeline(FiledMessageMapper messages, AttachmentMapper attachments, DirectoryCache directory,
                    Interpreter interpreter, CommandRouter commands, Outbox outbox, Replies replies,
                    PlatformTransactionManager transactionManager, Clock clock, MeterRegistry meters,
                    @Value("${liaison.filing.batch-size:32}") int batchSize,
                    @Value("${liaison.filing.committers:4}") int committers) {
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
        this.groupCommit = new GroupCommit(transactions, batchSize, committers, meters);
        this.clock = clock;
        this.meters = meters;
    }

    /** Both steps, in one transaction where the answer is quick (as below), for a door that gives no replies. */
    public PipelineOutcome handle(InboundMessage message) {
        return handle(message, () -> { }, null, filing -> { });
    }

    /**
     * Files the message and answers it. Where the answer is quick, both in one transaction: the message is filed
     * already answered, its command run and its replies put in the outbox, and all of it committed at once, before
     * {@code whenFiled} is told (so a door still acknowledges only what is filed). If answering fails there (a fault
     * in a command, a deadlock), nothing of it stays and the two steps are taken one after the other, as for a command
     * answered apart: filed first, then answered (or apologised for). A database out of reach fails the call as
     * {@link #file} does, with nothing written.
     *
     * @param alsoWhenFiled done first in the filing transaction, duplicate or not (a callback's nonce recorded); a
     *                      {@link RefusedByDoor} thrown there rolls it back and is thrown on
     * @param door          as for {@link #answer(Filing, ReplyDoor)}; null for none
     * @param whenFiled     told of the filing once it is committed, before the answer when the steps are apart
     */
    public PipelineOutcome handle(InboundMessage message, Runnable alsoWhenFiled, ReplyDoor door,
                                  Consumer<Filing> whenFiled) {
        Reading reading = read(message);
        if (reading.meaning().verb().map(verb -> !verb.answeredApart()).orElse(true)) {
            try {
                Answered both = groupCommit.run(() -> {
                    alsoWhenFiled.run();
                    Filing filing = insert(reading, true);
                    return new Answered(filing, filing.duplicate() ? alreadyFiled(filing)
                            : respond(filing, true, door));
                });
                counted(both.filing());
                whenFiled.accept(both.filing());
                return both.outcome();
            } catch (RuntimeException e) {
                if (GroupCommit.outOfReach(e) || e instanceof RefusedByDoor) {
                    throw e;
                }
                log.warn("filing and answering message {} from {} at once failed ({}); filing it, then answering",
                        message.externalId(), message.chatId(), e.toString());
            }
        }
        Filing filing = file(reading, alsoWhenFiled);
        whenFiled.accept(filing);
        return answer(filing, door);
    }

    public Filing file(InboundMessage message) {
        return file(message, () -> { });
    }

    /** @param alsoWhenFiled done first in the filing transaction, duplicate or not (a callback's nonce recorded) */
    public Filing file(InboundMessage message, Runnable alsoWhenFiled) {
        return file(read(message), alsoWhenFiled);
    }

    private Filing file(Reading reading, Runnable alsoWhenFiled) {
        Filing filing = transactions.execute(status -> {
            alsoWhenFiled.run();
            return insert(reading, false);
        });
        counted(filing);
        return filing;
    }

    public PipelineOutcome answer(Filing filing) {
        return answer(filing, null);
    }

    /**
     * Answers the message. A {@link ReplyDoor} that gives the message's text replies in its own answer to the platform
     * (the robot's passive reply, the long connection's respond) either takes them as given when this commits, or has
     * them kept from the outbox workers until its {@link ReplyDoor#holdUntil() hold} ends, to take them itself
     * ({@code OutboxClaims.take} with the same instant): without that a worker's poll could claim a reply between this
     * commit and the door taking it, and the reply would go the long way round.
     */
    public PipelineOutcome answer(Filing filing, ReplyDoor door) {
        if (filing.duplicate()) {
            return alreadyFiled(filing);
        }
        try {
            return transactions.execute(status -> answerOnce(filing, true, door));
        } catch (DataAccessException e) {
            throw e; // stays unanswered; answered when the database is back
        } catch (RuntimeException e) {
            log.error("answering message {} from {} failed; answering with an apology", filing.filed().id(),
                    filing.message().chatId(), e);
            return transactions.execute(status -> answerOnce(filing, false, door));
        }
    }

    /** Where a message was said and what it means, read before any transaction begins. */
    private record Reading(InboundMessage message, ChatContext context, Interpretation meaning, FiledMessage row,
                           Instant now) {
    }

    /** A message filed and answered in one transaction. */
    private record Answered(Filing filing, PipelineOutcome outcome) {
    }

    private Reading read(InboundMessage message) {
        Instant now = clock.instant();
        ChatContext context = ChatContexts.resolve(message, directory.snapshot());
        Interpretation meaning = interpreter.interpret(message.text(), LocalDate.ofInstant(now, clock.getZone()));
        return new Reading(message, context, meaning, record(message, context, meaning, now), now);
    }

    private Filing insert(Reading reading, boolean answered) {
        InboundMessage message = reading.message();
        FiledMessage row = reading.row();
        FiledMessage filed;
        try {
            // inserted straight away: a message is new far more often than it is delivered again
            filed = row.withId(messages.insert(row, answered));
        } catch (DuplicateKeyException again) {
            // filed before, or the same message is being filed by another delivery at this moment: the insert waited
            // for that one to commit, and READ COMMITTED reads its row
            return new Filing(message, messages.findByExternalId(row.channel(), row.externalId()).orElseThrow(),
                    true, reading.context(), reading.meaning());
        }
        for (InboundMessage.IncomingFile file : message.files()) {
            attachments.insert(Attachment.pending(filed.id(), file.kind(), file.source(), file.decryptKey(),
                    file.fileName(), reading.now()));
        }
        return new Filing(message, filed, false, reading.context(), reading.meaning());
    }

    private void counted(Filing filing) {
        if (!filing.duplicate()) {
            meters.counter("liaison.messages.filed", "type", filing.filed().recordType().name(), "channel",
                    filing.filed().channel().name()).increment();
        }
    }

    private static PipelineOutcome alreadyFiled(Filing filing) {
        return PipelineOutcome.silent(filing.filed(), true);
    }

    private PipelineOutcome answerOnce(Filing filing, boolean runCommands, ReplyDoor door) {
        if (!messages.claimAnswering(filing.filed().id())) {
            return PipelineOutcome.silent(filing.filed(), false); // answered already, elsewhere
        }
        return respond(filing, runCommands, door);
    }

    /** The command run (or the apology said) and the replies put in the outbox, for a message claimed to answer. */
    private PipelineOutcome respond(Filing filing, boolean runCommands, ReplyDoor door) {
        Exchange exchange = new Exchange(filing.message(), filing.filed(), filing.meaning(), filing.context(),
                clock.instant());
        List<OutboxMessage> said = runCommands ? commands.respond(exchange)
                : List.of(exchange.reply(replies.text("command.failed"), true));
        if (door == null || said.stream().noneMatch(row -> forTheDoor(row, filing))) {
            return new PipelineOutcome(filing.filed(), false, outbox.enqueue(said), List.of());
        }
        if (door.takesAsGiven()) {
            // the door's one answer takes the replies that fit in it; the rest follow through the outbox
            OneAnswer answer = new OneAnswer();
            Outbox.Enqueued written = outbox.enqueue(said, row -> forTheDoor(row, filing) && answer.add(row),
                    exchange.now());
            return new PipelineOutcome(filing.filed(), false, written.ids(), written.given());
        }
        Instant hold = door.holdUntil();
        List<OutboxMessage> held = hold == null ? said
                : said.stream().map(row -> forTheDoor(row, filing) ? row.withNextAttemptAt(hold) : row).toList();
        return new PipelineOutcome(filing.filed(), false, outbox.enqueue(held), List.of());
    }

    /** A reply its door can give in its own answer: text, back where the message came from. */
    private static boolean forTheDoor(OutboxMessage row, Filing filing) {
        return row.purpose() == Purpose.REPLY && filing.message().answerableInPlace(row);
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
