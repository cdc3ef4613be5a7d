package cn.mee.liaison.bot.channel.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mee.liaison.bot.channel.wecom.callback.PassiveReply;
import cn.mee.liaison.bot.inbound.InboundMessage;
import cn.mee.liaison.bot.inbound.PipelineOutcome;
import cn.mee.liaison.bot.outbox.OutboxWorker;
import cn.mee.liaison.bot.pipeline.InboundPipeline;
import cn.mee.liaison.bot.pipeline.ReplyDoor;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.message.ChatType;
import cn.mee.liaison.storage.message.ContentKind;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A door that takes a message's replies from the outbox to give them in its own answer (the long connection's
 * respond) asks the pipeline to hold them from the outbox workers until its budget ends. Here a worker's poll falls
 * exactly between the answer's commit and the door taking the replies — the moment a poll once took a reply in CI
 * (then from the robot webhook, whose replies are now written sent instead), which then went out through the
 * response_url instead of in the door's answer: held, the reply is still the door's; not held, the worker has it.
 */
class PassiveReplyHoldTest extends WeComTestBase {

    @Autowired
    InboundPipeline pipeline;

    @Autowired
    OutboxWorker worker;

    @Autowired
    PassiveReply passive;

    private InboundMessage report(String id, int checked) {
        return new InboundMessage(Channel.WECOM_ROBOT, robotChat(), ChatType.GROUP, id + "-" + tag, member(), "李四",
                ContentKind.TEXT, "日报 检查企业" + checked + "家，发现问题0个，督办问题核查0个，明日计划：复查", "{}", true,
                List.of(), null);
    }

    private List<OutboxMessage> takenByTheDoor(PipelineOutcome outcome, InboundMessage message, Instant hold) {
        return passive.take(outcome.replyIds(), message, hold);
    }

    @Test
    void heldRepliesStayTheDoorsThroughAWorkersPoll() {
        Instant hold = CLOCK.instant().plus(Duration.ofMillis(1500));
        InboundMessage message = report("held", 4);
        PipelineOutcome outcome = pipeline.answer(pipeline.file(message), ReplyDoor.holdingUntil(hold));
        worker.poll();
        List<OutboxMessage> taken = takenByTheDoor(outcome, message, hold);
        assertThat(taken).singleElement().satisfies(row -> assertThat(row.content()).contains("检查企业数：4"));
        assertThat(WECOM.received("/cgi-bin/aibot/response")).as("nothing the long way round").isEmpty();
    }

    @Test
    void withoutTheHoldAWorkersPollTakesTheReplyFirst() {
        InboundMessage message = report("unheld", 5);
        PipelineOutcome outcome = pipeline.answer(pipeline.file(message));
        worker.poll();
        assertThat(takenByTheDoor(outcome, message, null)).isEmpty();
    }
}
