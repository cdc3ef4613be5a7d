package cn.mee.liaison.bot.channel.wecom.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.mee.liaison.bot.inbound.InboundMessage;
import cn.mee.liaison.bot.inbound.PipelineOutcome;
import cn.mee.liaison.bot.pipeline.Filing;
import cn.mee.liaison.bot.pipeline.InboundPipeline;
import cn.mee.liaison.bot.pipeline.ReplyDoor;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.message.ChatType;
import cn.mee.liaison.storage.message.ContentKind;
import cn.mee.liaison.storage.message.FiledMessage;
import cn.mee.liaison.storage.message.RecordType;
import cn.mee.liaison.storage.outbox.MessageFormat;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import cn.mee.liaison.storage.outbox.Purpose;
import cn.mee.liaison.storage.outbox.TargetType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The run of a callback whose door gives the replies in its own answer (the robot's passive reply). The budget here is
 * zero, so the door's deadline has passed before it starts waiting: what it does then depends only on whether the
 * answer's transaction took the replies as given before — if so the rows are written sent and only this door can
 * carry them, so it waits for the commit; if not, it stops waiting and the answer's transaction leaves the rows to
 * the outbox workers.
 */
class TimedPipelineTest {

    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
    private static final InboundMessage MESSAGE = new InboundMessage(Channel.WECOM_ROBOT, "chat-1", ChatType.GROUP,
            "msg-1", "lisi", "李四", ContentKind.TEXT, "日报 检查企业3家", "{}", true, List.of(), null);
    private static final FiledMessage FILED = new FiledMessage(7L, Channel.WECOM_ROBOT, "chat-1", ChatType.GROUP,
            "msg-1", "lisi", "李四", null, null, null, null, RecordType.DAILY_REPORT, ContentKind.TEXT, "日报 检查企业3家",
            Map.of(), "{}", NOW, true);
    private static final OutboxMessage GIVEN = OutboxMessage.pending(Channel.WECOM_ROBOT, TargetType.CHAT, "chat-1",
            MessageFormat.TEXT, "已收到日报", null, Purpose.REPLY, 7L, NOW).givenBy("this", NOW).withId(11);

    private final InboundPipeline pipeline = mock(InboundPipeline.class);
    /** A long grace, so that a slow machine does not end the door's wait before the test lets the commit happen. */
    private final TimedPipeline timed = new TimedPipeline(pipeline, Duration.ofSeconds(30));
    private final CountDownLatch commit = new CountDownLatch(1);

    @AfterEach
    void stop() {
        commit.countDown();
        timed.destroy();
    }

    /** The pipeline: asks the door (first, or only after the test lets it), then commits when the test lets it. */
    private AtomicReference<Boolean> pipelineAsking(boolean askFirst, CountDownLatch asked) {
        AtomicReference<Boolean> taken = new AtomicReference<>();
        when(pipeline.handle(any(), any(), any(), any())).thenAnswer(invocation -> {
            ReplyDoor door = invocation.getArgument(2);
            Consumer<Filing> whenFiled = invocation.getArgument(3);
            if (!askFirst) {
                commit.await(10, TimeUnit.SECONDS);
            }
            taken.set(door.takesAsGiven());
            asked.countDown();
            commit.await(10, TimeUnit.SECONDS);
            whenFiled.accept(new Filing(MESSAGE, FILED, false, null, null));
            return taken.get() ? new PipelineOutcome(FILED, false, List.of(11L), List.of(GIVEN))
                    : new PipelineOutcome(FILED, false, List.of(11L), List.of());
        });
        return taken;
    }

    @Test
    void aDoorWhoseRepliesWereTakenAsGivenWaitsForTheCommitPastItsBudget() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        AtomicReference<Boolean> taken = pipelineAsking(true, asked);
        TimedPipeline.Run run = timed.start(MESSAGE, Duration.ZERO, () -> { }, true);
        assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(taken.get()).isTrue();
        AtomicReference<Thread> door = new AtomicReference<>();
        CompletableFuture<Optional<PipelineOutcome>> answer = CompletableFuture.supplyAsync(() -> {
            door.set(Thread.currentThread());
            run.filed();
            return run.answered();
        });
        // the door is past its deadline and waiting for the commit, not gone
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> door.get() != null
                && door.get().getState() == Thread.State.TIMED_WAITING);
        commit.countDown();
        assertThat(answer.get(5, TimeUnit.SECONDS)).hasValueSatisfying(outcome ->
                assertThat(outcome.given()).containsExactly(GIVEN));
        assertThat(run.takesAsGiven()).as("asked again (an answer tried a second time): still taken").isTrue();
    }

    @Test
    void aDoorPastItsBudgetBeforeTheAnswerAskedHasStoppedWaitingAndTakesNothing() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        AtomicReference<Boolean> taken = pipelineAsking(false, asked);
        TimedPipeline.Run run = timed.start(MESSAGE, Duration.ZERO, () -> { }, true);
        assertThatThrownBy(run::filed).isInstanceOf(CallbackRejected.class);
        commit.countDown();
        assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(taken.get()).as("the replies are left to the workers").isFalse();
        assertThat(run.holdUntil()).as("due at once").isNull();
    }

    @Test
    void aRunForADoorThatGivesNothingIsNoDoor() throws Exception {
        AtomicReference<ReplyDoor> door = new AtomicReference<>();
        when(pipeline.handle(any(), any(), any(), any())).thenAnswer(invocation -> {
            door.set(invocation.getArgument(2));
            Consumer<Filing> whenFiled = invocation.getArgument(3);
            whenFiled.accept(new Filing(MESSAGE, FILED, false, null, null));
            return PipelineOutcome.silent(FILED, false);
        });
        TimedPipeline.Run run = timed.start(MESSAGE, Duration.ofSeconds(5));
        assertThat(run.filed().filed()).isEqualTo(FILED);
        assertThat(door.get()).isNull();
    }
}
