package cn.mee.liaison.bot.channel.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.mee.liaison.bot.files.FileStore;
import cn.mee.liaison.storage.attachment.Attachment;
import cn.mee.liaison.storage.attachment.AttachmentMapper;
import cn.mee.liaison.storage.attachment.AttachmentStatus;
import cn.mee.liaison.storage.directory.Channel;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The intelligent robot in webhook mode, end to end through {@code /wecom/robot/callback}, for the kinds of message
 * beyond group text: a file, a voice message (as WeCom transcribed it), a quote, an event, and a single chat. Each is
 * filed with its kind, and answered in the passive reply where there is something to say.
 */
class RobotCallbackKindsTest extends WeComTestBase {

    @Autowired
    AttachmentMapper attachments;
    @Autowired
    FileStore files;

    private String head(String msgId, String chatType, String msgtype) {
        String chat = chatType.equals("group") ? "\"chatid\":\"" + robotChat() + "\"," : "";
        return "{\"msgid\":\"" + msgId + "\",\"aibotid\":\"bot-1\"," + chat + "\"chattype\":\"" + chatType
                + "\",\"from\":{\"userid\":\"" + member() + "\"},\"response_url\":\"" + WECOM.newResponseUrl()
                + "\",\"msgtype\":\"" + msgtype + "\",";
    }

    private String passiveText(SignedCallbacks.Answer answer) throws Exception {
        assertThat(answer.status()).isEqualTo(200);
        JsonNode sealed = json.readTree(answer.body());
        assertThat(robotCipher.verify(sealed.get("msgsignature").asText(), sealed.get("timestamp").asText(),
                sealed.get("nonce").asText(), sealed.get("encrypt").asText())).isTrue();
        return json.readTree(robotCipher.decrypt(sealed.get("encrypt").asText())).path("stream").path("content")
                .asText();
    }

    private JsonNode record(String chatId, String externalId) {
        JsonNode items = call("GET", "/api/v1/messages?chatId=" + chatId, null).body().get("items");
        for (JsonNode item : items) {
            if (externalId.equals(item.path("externalId").asText())) {
                return item;
            }
        }
        throw new AssertionError("no record " + externalId + " in " + chatId + ": " + items);
    }

    @Test
    void aFileIsFiledAndKeptDecrypted() {
        byte[] scan = "督办单扫描件的字节".getBytes(StandardCharsets.UTF_8);
        String body = head("file-" + tag, "group", "file") + "\"file\":{\"url\":\"" + WECOM.robotMedia(scan, ROBOT_KEY)
                + "\"}}";
        assertThat(robot.post("/wecom/robot/callback", robot.robot(body)).status()).isEqualTo(200);
        assertThat(record(robotChat(), "file-" + tag).path("contentKind").asText()).isEqualTo("FILE");
        long id = messages.findByExternalId(Channel.WECOM_ROBOT, "file-" + tag).orElseThrow().id();
        await().atMost(Duration.ofSeconds(20)).until(() -> !attachments.findByMessage(id).isEmpty()
                && attachments.findByMessage(id).stream().allMatch(a -> a.status() == AttachmentStatus.STORED));
        Attachment kept = attachments.findByMessage(id).get(0);
        assertThat(kept.kind()).isEqualTo("FILE");
        assertThat(files.read(kept.storedPath())).isEqualTo(scan);
        assertThat(WECOM.violations()).isEmpty();
    }

    @Test
    void aVoiceMessageIsFiledAndAnsweredAsItsTranscription() throws Exception {
        String body = head("voice-" + tag, "group", "voice")
                + "\"voice\":{\"content\":\"日报 检查企业2家，发现问题0个，督办问题核查0个，明日计划：走访\"}}";
        String reply = passiveText(robot.post("/wecom/robot/callback", robot.robot(body)));
        assertThat(reply).contains("已登记【每日调度】").contains("检查企业数：2");
        JsonNode filed = record(robotChat(), "voice-" + tag);
        assertThat(filed.path("contentKind").asText()).isEqualTo("VOICE");
        assertThat(filed.path("type").asText()).isEqualTo("DAILY_REPORT");
    }

    @Test
    void aQuoteIsFiledWithTheMembersOwnTextAndAnswered() throws Exception {
        String body = head("quote-" + tag, "group", "text")
                + "\"text\":{\"content\":\"@联络机器人 问题 某某化工厂 废气直排，已拍照\"},"
                + "\"quote\":{\"msgtype\":\"text\",\"text\":{\"content\":\"请各组报送今日发现的问题\"}}}";
        String reply = passiveText(robot.post("/wecom/robot/callback", robot.robot(body)));
        assertThat(reply).contains("已登记【发现问题】");
        JsonNode filed = record(robotChat(), "quote-" + tag);
        assertThat(filed.path("type").asText()).isEqualTo("PROBLEM");
        assertThat(filed.path("text").asText()).contains("废气直排").doesNotContain("请各组报送");
    }

    @Test
    void anEventIsFiledOnceEvenWhenDeliveredAgain() {
        String body = "{\"msgid\":\"event-" + tag + "\",\"aibotid\":\"bot-1\",\"create_time\":"
                + CLOCK.instant().getEpochSecond() + ",\"chattype\":\"single\",\"from\":{\"userid\":\"" + member()
                + "\"},\"msgtype\":\"event\",\"event\":{\"eventtype\":\"enter_chat\"}}";
        assertThat(robot.post("/wecom/robot/callback", robot.robot(body)).status()).isEqualTo(200);
        assertThat(robot.post("/wecom/robot/callback", robot.robot(body)).status()).isEqualTo(200);
        JsonNode filed = record(member(), "event-" + tag);
        assertThat(filed.path("contentKind").asText()).isEqualTo("EVENT");
        assertThat(filed.path("chatType").asText()).isEqualTo("SINGLE");
        assertThat(filed(member())).isEqualTo(1);
    }

    @Test
    void aSingleChatIsFiledAsTheMembersOwnChatAndAnsweredThere() throws Exception {
        String body = head("single-" + tag, "single", "text") + "\"text\":{\"content\":\"帮助\"}}";
        String reply = passiveText(robot.post("/wecom/robot/callback", robot.robot(body)));
        assertThat(reply).contains("可以使用以下命令");
        JsonNode filed = record(member(), "single-" + tag);
        assertThat(filed.path("chatType").asText()).isEqualTo("SINGLE");
        assertThat(filed.path("channel").asText()).isEqualTo("WECOM_ROBOT");
    }
}
