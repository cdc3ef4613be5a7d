package cn.mee.liaison.bot.channel.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import cn.mee.liaison.bot.command.Exchange;
import cn.mee.liaison.bot.inbound.InboundMessage;
import cn.mee.liaison.bot.inbound.PipelineOutcome;
import cn.mee.liaison.bot.pipeline.Filing;
import cn.mee.liaison.bot.outbox.OutboxWorker;
import cn.mee.liaison.bot.pipeline.InboundPipeline;
import cn.mee.liaison.bot.pipeline.ReplyDoor;
import cn.mee.liaison.bot.support.FilingQueue;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.message.ChatType;
import cn.mee.liaison.storage.message.ContentKind;
import cn.mee.liaison.storage.outbox.OutboxMapper;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import cn.mee.liaison.storage.outbox.OutboxStatus;
import io.micrometer.core.instrument.DistributionSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The pipeline files a message and answers it in one transaction where the answer is quick (a report, a record, an
 * acknowledgement), so that a door waiting for both pays one commit: nothing of the message is seen before its
 * answer is committed with it. A command answered apart (a search, the day's summary …) is filed and committed
 * first. A fault while answering in the one transaction leaves nothing of that attempt: the message is then filed on
 * its own and answered (here: apologised for) as before. The replies a waiting door (the robot's passive reply) takes
 * as given are written already sent, and never reach a worker.
 */
class OneTransactionAnswerTest extends WeComTestBase {

    @Autowired
    InboundPipeline pipeline;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OutboxMapper outbox;

    @Autowired
    OutboxWorker worker;

    @Value("${liaison.filing.committers:4}")
    int committers;

    private final List<Filing> toldFiled = new CopyOnWriteArrayList<>();

    private InboundMessage said(String id, String text) {
        return new InboundMessage(Channel.WECOM_ROBOT, robotChat(), ChatType.GROUP, id + "-" + tag, member(), "李四",
                ContentKind.TEXT, text, "{}", true, List.of(), null);
    }

    /** Handles the message on another thread while its command is held; checks what is seen meanwhile. */
    private PipelineOutcome handledWhileHeld(InboundMessage message, long filedMeanwhile, int toldMeanwhile)
            throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        doAnswer(invocation -> {
            entered.countDown();
            release.await(30, TimeUnit.SECONDS);
            return invocation.callRealMethod();
        }).when(commands).respond(any());
        CompletableFuture<PipelineOutcome> handled = CompletableFuture.supplyAsync(
                () -> pipeline.handle(message, () -> { }, null, toldFiled::add));
        try {
            assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(filed(robotChat())).as("filed, as another transaction sees it").isEqualTo(filedMeanwhile);
            assertThat(toldFiled).hasSize(toldMeanwhile);
        } finally {
            release.countDown();
        }
        return handled.get(20, TimeUnit.SECONDS);
    }

    @Test
    void aReportIsFiledWithItsAnswerInOneCommit() throws Exception {
        PipelineOutcome outcome = handledWhileHeld(said("one", "日报 检查企业6家，发现问题1个，督办问题核查0个，明日计划：复查"),
                0, 0);
        long id = outcome.filed().id();
        assertThat(toldFiled).singleElement().satisfies(f -> assertThat(f.filed().id()).isEqualTo(id));
        assertThat(jdbc.queryForObject("SELECT answered FROM filed_message WHERE id = ?", Boolean.class, id)).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM daily_report WHERE message_id = ?", Long.class, id))
                .isEqualTo(1);
        assertThat(outcome.replyIds()).singleElement().satisfies(reply -> assertThat(
                outbox.findById(reply).orElseThrow().content()).contains("检查企业数：6"));
    }

    @Test
    void aSearchIsFiledAndCommittedBeforeItIsAnswered() throws Exception {
        PipelineOutcome outcome = handledWhileHeld(said("apart", "查询 扬尘"), 1, 1);
        assertThat(jdbc.queryForObject("SELECT answered FROM filed_message WHERE id = ?", Boolean.class,
                outcome.filed().id())).isTrue();
        assertThat(outcome.replyIds()).singleElement().satisfies(reply -> assertThat(
                outbox.findById(reply).orElseThrow().content()).contains("没有找到符合条件的记录"));
    }

    @Test
    void aFaultWhileAnsweringLeavesNothingOfThatAttemptAndTheMessageIsFiledThenApologisedFor() {
        doAnswer(invocation -> {
            invocation.callRealMethod(); // the report is written, then the command fails
            throw new IllegalStateException("a fault in a command");
        }).when(commands).respond(any());
        PipelineOutcome outcome = pipeline.handle(said("fault", "日报 检查企业2家，发现问题0个，督办问题核查0个，明日计划：复查"),
                () -> { }, null, toldFiled::add);
        long id = outcome.filed().id();
        assertThat(toldFiled).singleElement().satisfies(f -> assertThat(f.filed().id()).isEqualTo(id));
        assertThat(filed(robotChat())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM daily_report WHERE message_id = ?", Long.class, id))
                .as("the failed attempt's report rolled back").isZero();
        assertThat(jdbc.queryForObject("SELECT answered FROM filed_message WHERE id = ?", Boolean.class, id)).isTrue();
        assertThat(outcome.replyIds()).singleElement().satisfies(reply -> assertThat(
                outbox.findById(reply).orElseThrow().content()).contains("处理您的消息时出错了"));
    }

    /** A door that says, when asked, whether it takes the replies as given. */
    private static ReplyDoor door(boolean takes) {
        return new ReplyDoor() {
            @Override
            public boolean takesAsGiven() {
                return takes;
            }

            @Override
            public Instant holdUntil() {
                return null;
            }
        };
    }

    @Test
    void repliesADoorTakesAsGivenAreWrittenSentAndNoWorkerSendsThem() {
        PipelineOutcome outcome = pipeline.handle(said("given", "日报 检查企业4家，发现问题0个，督办问题核查0个，明日计划：复查"),
                () -> { }, door(true), toldFiled::add);
        assertThat(outcome.given()).singleElement().satisfies(row -> {
            assertThat(row.content()).contains("检查企业数：4");
            assertThat(outcome.replyIds()).containsExactly(row.id());
            OutboxMessage stored = outbox.findById(row.id()).orElseThrow();
            assertThat(stored.status()).isEqualTo(OutboxStatus.SENT);
            assertThat(stored.attempts()).isEqualTo(1);
            assertThat(stored.sentAt()).isNotNull();
            assertThat(stored.claimedBy()).isNotBlank();
        });
        worker.poll();
        assertThat(WECOM.received("/cgi-bin/aibot/response")).as("nothing sent by a worker").isEmpty();
    }

    @Test
    void repliesOfADoorThatStoppedWaitingAreLeftToTheWorkersDueAtOnce() {
        PipelineOutcome outcome = pipeline.handle(said("gone", "日报 检查企业5家，发现问题0个，督办问题核查0个，明日计划：复查"),
                () -> { }, door(false), toldFiled::add);
        assertThat(outcome.given()).isEmpty();
        assertThat(outcome.replyIds()).singleElement().satisfies(id -> {
            OutboxMessage stored = outbox.findById(id).orElseThrow();
            assertThat(stored.status()).isEqualTo(OutboxStatus.PENDING);
            assertThat(stored.nextAttemptAt()).isBeforeOrEqualTo(CLOCK.instant());
        });
    }

    /**
     * Reports of one group arriving while every committer is busy wait, and are then filed together in one
     * transaction: each later one replaces the one before it (kept as history), a second delivery of one of them files
     * nothing, and each is answered.
     */
    @Test
    void reportsOfOneGroupArrivingTogetherAreFiledInOneTransactionTheLastOneCurrent() throws Exception {
        CountDownLatch entered = new CountDownLatch(committers);
        CountDownLatch release = new CountDownLatch(1);
        doAnswer(invocation -> {
            if (invocation.<Exchange>getArgument(0).message().externalId().startsWith("held-")) {
                entered.countDown();
                release.await(30, TimeUnit.SECONDS);
            }
            return invocation.callRealMethod();
        }).when(commands).respond(any());
        ExecutorService callers = Executors.newCachedThreadPool();
        try {
            List<Future<PipelineOutcome>> held = new ArrayList<>();
            for (int i = 0; i < committers; i++) {
                InboundMessage chatter = said("held-" + i, "今天天气不错");
                held.add(callers.submit(() -> pipeline.handle(chatter, () -> { }, null, f -> { })));
            }
            assertThat(entered.await(20, TimeUnit.SECONDS)).as("every committer busy").isTrue();
            InboundMessage seven = said("seven", "日报 检查企业7家，发现问题1个，督办问题核查0个，明日计划：复查");
            List<InboundMessage> together = List.of(seven,
                    said("nine", "日报 检查企业9家，发现问题2个，督办问题核查1个，明日计划：走访"), seven);
            List<Future<PipelineOutcome>> queued = new ArrayList<>();
            for (InboundMessage message : together) {
                queued.add(callers.submit(() -> pipeline.handle(message, () -> { }, null, f -> { })));
                FilingQueue.awaitWaiting(meters, queued.size()); // queued in this order: the batch files them in it
            }
            DistributionSummary batches = meters.get("liaison.filing.batch.size").summary();
            long batchesBefore = batches.count();
            double filedBefore = batches.totalAmount();
            release.countDown();

            for (Future<PipelineOutcome> each : held) {
                each.get(20, TimeUnit.SECONDS);
            }
            List<PipelineOutcome> outcomes = new ArrayList<>();
            for (Future<PipelineOutcome> each : queued) {
                outcomes.add(each.get(20, TimeUnit.SECONDS));
            }
            assertThat(outcomes).extracting(PipelineOutcome::duplicate).containsExactly(false, false, true);
            assertThat(outcomes.get(2).filed().id()).isEqualTo(outcomes.get(0).filed().id());
            assertThat(outcomes.get(0).replyIds()).hasSize(1);
            assertThat(outcomes.get(1).replyIds()).singleElement().satisfies(reply -> assertThat(
                    outbox.findById(reply).orElseThrow().content()).contains("检查企业数：9"));
            assertThat(batches.count() - batchesBefore).as("one transaction for the three").isEqualTo(1);
            assertThat(batches.totalAmount() - filedBefore).isEqualTo(3);
            long groupId = outcomes.get(0).filed().workGroupId();
            assertThat(jdbc.queryForList("SELECT message_id FROM daily_report WHERE work_group_id = ? "
                    + "AND current_key IS NOT NULL", Long.class, groupId))
                    .containsExactly(outcomes.get(1).filed().id());
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM daily_report WHERE work_group_id = ?", Long.class,
                    groupId)).as("the earlier one kept as history").isEqualTo(2);
        } finally {
            release.countDown();
            callers.shutdownNow();
        }
    }

    @Test
    void aDeliveryAgainFilesNothingAndAnswersNothing() {
        InboundMessage message = said("twice", "日报 检查企业3家，发现问题0个，督办问题核查0个，明日计划：复查");
        PipelineOutcome first = pipeline.handle(message, () -> { }, null, toldFiled::add);
        PipelineOutcome again = pipeline.handle(message, () -> { }, null, toldFiled::add);
        assertThat(again.duplicate()).isTrue();
        assertThat(again.filed().id()).isEqualTo(first.filed().id());
        assertThat(again.replyIds()).isEmpty();
        assertThat(filed(robotChat())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM daily_report WHERE message_id = ?", Long.class,
                first.filed().id())).isEqualTo(1);
    }
}
