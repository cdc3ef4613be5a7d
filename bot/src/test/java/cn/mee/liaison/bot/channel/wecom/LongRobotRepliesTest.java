package cn.mee.liaison.bot.channel.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import cn.mee.liaison.bot.command.Exchange;
import cn.mee.liaison.bot.channel.wecom.fake.Recorded;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.outbox.OutboxMapper;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import cn.mee.liaison.storage.outbox.OutboxStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Answers longer than the intelligent robot takes at once (20,480 bytes, as the outbox splits them): the passive
 * reply carries only what fits, and the rest follows through the response_url; the response_url takes one post per
 * message, so every late answer goes in that one post — cut with a note when it cannot hold them all, never posted
 * twice.
 */
class LongRobotRepliesTest extends WeComTestBase {

    private static final int ROBOT_MAX_BYTES = 20480;

    @Autowired
    OutboxMapper outbox;

    /** The bot answers every message with these texts (after the test's latch, as the base's answers do). */
    private void answersWith(String... texts) throws Exception {
        doAnswer(invocation -> {
            answering.await(30, TimeUnit.SECONDS);
            Exchange exchange = invocation.getArgument(0);
            return java.util.Arrays.stream(texts).map(text -> exchange.reply(text, false)).toList();
        }).when(commands).respond(any());
    }

    private List<OutboxMessage> repliesTo(String msgId) {
        long id = messages.findByExternalId(Channel.WECOM_ROBOT, msgId).orElseThrow().id();
        return outbox.findByReplyTo(id);
    }

    /** The posts to the response_url that came with this message. */
    private List<Recorded> responses(String msgId) throws Exception {
        String url = json.readTree(messages.findByExternalId(Channel.WECOM_ROBOT, msgId).orElseThrow().rawPayload())
                .path("response_url").asText();
        String code = url.substring(url.indexOf("response_code=") + "response_code=".length());
        return WECOM.received("/cgi-bin/aibot/response").stream()
                .filter(post -> code.equals(post.query().get("response_code"))).toList();
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void aPassiveReplyCarriesOnlyWhatFitsAndTheRestFollowsThroughTheResponseUrl() throws Exception {
        answersWith("长".repeat(10_000)); // 30,000 bytes: two numbered rows of up to 20,480 bytes
        SignedCallbacks.Answer answer = robot.post("/wecom/robot/callback",
                robot.robot(robotText("long-" + tag, "@联络机器人 说得长一些")));
        assertThat(answer.status()).isEqualTo(200);
        JsonNode sealed = json.readTree(answer.body());
        String content = json.readTree(robotCipher.decrypt(sealed.get("encrypt").asText())).path("stream")
                .path("content").asText();
        assertThat(utf8(content)).isLessThanOrEqualTo(ROBOT_MAX_BYTES);
        assertThat(content).startsWith("（1/2）").doesNotContain("（2/2）");

        await().atMost(Duration.ofSeconds(20)).until(() -> !responses("long-" + tag).isEmpty());
        assertThat(responses("long-" + tag)).singleElement().satisfies(post -> assertThat(post.json().path("markdown")
                .path("content").asText()).startsWith("（2/2）"));
        await().atMost(Duration.ofSeconds(20)).until(() -> repliesTo("long-" + tag).stream()
                .allMatch(row -> row.status() == OutboxStatus.SENT));
        assertThat(WECOM.violations()).isEmpty();
    }

    @Test
    void lateAnswersToOneMessageGoInOnePostThroughTheResponseUrl() throws Exception {
        answersWith("第一段回复：" + "甲".repeat(2000), "第二段回复：" + "乙".repeat(2000));
        answering = new CountDownLatch(1);
        try {
            SignedCallbacks.Answer answer = robot.post("/wecom/robot/callback",
                    robot.robot(robotText("late-" + tag, "查询 扬尘")));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEmpty();
        } finally {
            answering.countDown();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> repliesTo("late-" + tag).size() == 2
                && repliesTo("late-" + tag).stream().allMatch(row -> row.status() == OutboxStatus.SENT));
        assertThat(responses("late-" + tag)).singleElement().satisfies(post -> assertThat(post.json()
                .path("markdown").path("content").asText()).startsWith("第一段回复：").contains("第二段回复："));
        assertThat(WECOM.violations()).isEmpty();
    }

    @Test
    void lateAnswersTooLongForOnePostAreCutWithANoteAndTheRestMarkedFailedWithTheReason() throws Exception {
        answersWith("长".repeat(10_000));
        answering = new CountDownLatch(1);
        try {
            assertThat(robot.post("/wecom/robot/callback",
                    robot.robot(robotText("cut-" + tag, "查询 督办"))).status()).isEqualTo(200);
        } finally {
            answering.countDown();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> repliesTo("cut-" + tag).size() == 2
                && repliesTo("cut-" + tag).stream().noneMatch(row -> row.status() == OutboxStatus.PENDING
                || row.status() == OutboxStatus.SENDING));
        assertThat(responses("cut-" + tag)).hasSize(1);
        String posted = responses("cut-" + tag).get(0).json().path("markdown").path("content").asText();
        assertThat(utf8(posted)).isLessThanOrEqualTo(ROBOT_MAX_BYTES);
        assertThat(posted).startsWith("（1/2）").contains("回复过长").contains("控制台");
        List<OutboxMessage> rows = repliesTo("cut-" + tag);
        assertThat(rows.get(0).status()).isEqualTo(OutboxStatus.SENT);
        assertThat(rows.get(1).status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(rows.get(1).lastError()).contains("只能经 response_url 回复一次");
        assertThat(WECOM.violations()).isEmpty();
    }
}
