package cn.mee.liaison.bot.channel.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.mee.liaison.bot.channel.wecom.fake.Recorded;
import cn.mee.liaison.bot.support.MultipartBody;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A notice with a file attachment through {@code POST /api/v1/notices} as multipart/form-data (a part {@code notice}
 * with the contract's JSON, a part {@code attachment}): the file reaches a group-robot webhook chat and an app group
 * chat at the fake WeCom as a file, each uploaded first with that door's own upload.
 */
class NoticeAttachmentTest extends WeComTestBase {

    private String noticeJson(String title, List<String> chatIds) throws Exception {
        return json.writeValueAsString(Map.of("title", title, "content", "请查收附件中的督办清单。", "format", "text",
                "targets", Map.of("chatIds", chatIds), "requireAck", false));
    }

    private JsonNode notice(long id) {
        return call("GET", "/api/v1/notices/" + id, null).body();
    }

    @Test
    void theAttachmentReachesAWebhookChatAndAnAppChatAsAFile() throws Exception {
        byte[] file = ("督办问题清单（第4轮）" + tag).getBytes(StandardCharsets.UTF_8);
        String name = "督办清单-" + tag + ".txt";
        Answer created = postMultipart("/api/v1/notices", new MultipartBody()
                .part("notice", "application/json", noticeJson("督办清单 " + tag, List.of(bureauHook(),
                        bureauAppChat())))
                .file("attachment", name, "text/plain", file));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.body().get("id").asLong();

        await().atMost(Duration.ofSeconds(20)).until(() -> notice(id).get("status").asText().equals("COMPLETED"));
        JsonNode notice = notice(id);
        assertThat(notice.get("counts").get("sent").asInt()).as(notice.toString()).isEqualTo(2);

        // the group-robot webhook: the file uploaded with the webhook's upload_media, then sent as a file message
        List<Recorded> hookUploads = WECOM.received("/cgi-bin/webhook/upload_media").stream()
                .filter(r -> hookKey().equals(r.query().get("key"))).toList();
        assertThat(hookUploads).hasSize(1);
        assertThat(hookUploads.get(0).query()).containsEntry("type", "file");
        assertThat(hookUploads.get(0).bodyText()).contains(name).contains(new String(file, StandardCharsets.UTF_8));
        List<JsonNode> hookFiles = WECOM.received("/cgi-bin/webhook/send").stream()
                .filter(r -> hookKey().equals(r.query().get("key"))).map(Recorded::json)
                .filter(j -> j.path("msgtype").asText().equals("file")).toList();
        assertThat(hookFiles).hasSize(1);
        assertThat(hookFiles.get(0).path("file").path("media_id").asText()).isNotBlank();

        // the app group chat: the file uploaded as the app's temporary media, then sent with appchat/send
        List<Recorded> appUploads = WECOM.received("/cgi-bin/media/upload").stream()
                .filter(r -> r.bodyText().contains(tag)).toList();
        assertThat(appUploads).hasSize(1);
        assertThat(appUploads.get(0).query()).containsEntry("type", "file");
        assertThat(appUploads.get(0).bodyText()).contains(name).contains(new String(file, StandardCharsets.UTF_8));
        List<JsonNode> appFiles = WECOM.received("/cgi-bin/appchat/send").stream().map(Recorded::json)
                .filter(j -> j.path("chatid").asText().equals(bureauAppChat()))
                .filter(j -> j.path("msgtype").asText().equals("file")).toList();
        assertThat(appFiles).hasSize(1);
        assertThat(appFiles.get(0).path("file").path("media_id").asText()).isNotBlank();
        // and the notice's text to both, as without an attachment
        assertThat(WECOM.received("/cgi-bin/appchat/send").stream()
                .anyMatch(r -> r.bodyText().contains("请查收附件中的督办清单"))).isTrue();
        assertThat(WECOM.violations()).isEmpty();
    }

    @Test
    void aMultipartNoticeIsCheckedAsTheJsonOneAndNeedsNoAttachment() throws Exception {
        Answer withoutFile = postMultipart("/api/v1/notices", new MultipartBody()
                .part("notice", null, noticeJson("无附件 " + tag, List.of(bureauHook()))));
        assertThat(withoutFile.status()).as(withoutFile.text()).isEqualTo(201);
        long id = withoutFile.body().get("id").asLong();
        await().atMost(Duration.ofSeconds(20)).until(() -> notice(id).get("status").asText().equals("COMPLETED"));
        assertThat(WECOM.received("/cgi-bin/webhook/upload_media")).isEmpty();

        Answer unknownChat = postMultipart("/api/v1/notices", new MultipartBody()
                .part("notice", "application/json", noticeJson("t", List.of("no-such-chat-" + tag)))
                .file("attachment", "a.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8)));
        assertThat(unknownChat.status()).isEqualTo(400);
        assertThat(unknownChat.body().get("message").asText()).contains("no-such-chat-" + tag);
        Answer noTitle = postMultipart("/api/v1/notices", new MultipartBody()
                .part("notice", "application/json", "{\"content\":\"c\",\"targets\":{\"all\":true}}"));
        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(noTitle.body().get("message").asText()).contains("title");
        Answer notJson = postMultipart("/api/v1/notices", new MultipartBody().part("notice", null, "title=t"));
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.body().get("error").asText()).isEqualTo("malformed_json");
        Answer noNotice = postMultipart("/api/v1/notices", new MultipartBody()
                .file("attachment", "a.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8)));
        assertThat(noNotice.status()).isEqualTo(400);
        assertThat(noNotice.body().get("message").asText()).contains("notice");
    }

    @Test
    void anAttachmentOverTheUploadLimitIsRefused() throws Exception {
        Answer tooLarge = postMultipart("/api/v1/notices", new MultipartBody()
                .part("notice", "application/json", noticeJson("太大 " + tag, List.of(bureauHook())))
                .file("attachment", "big.bin", "application/octet-stream", new byte[10 * 1024 * 1024 + 1]));
        assertThat(tooLarge.status()).as(tooLarge.text()).isEqualTo(413);
        assertThat(tooLarge.body().get("error").asText()).as(tooLarge.text()).isEqualTo("too_large");
    }
}
