package cn.mee.liaison.bot.channel.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mee.liaison.bot.channel.wecom.fake.FakeWeCom;
import cn.mee.liaison.storage.directory.Channel;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hostile input that WeComCallbacksTest (forged robot signatures, stale timestamps, undecryptable and oversized robot
 * bodies, robot replays, an XXE on the app door) and SafeXmlTest leave out: the same on the app door, billion laughs,
 * malformed XML and JSON inside a correctly encrypted message, very long and binary-looking text, invalid UTF-8, and
 * SQL-looking text in every field of the sandbox API, the directory API and the record search. Each is refused with a
 * 4xx or stored verbatim (read back equal) — never executed, never a 500.
 */
class HostileInputTest extends WeComTestBase {

    private static final String SQL = "x'); DROP TABLE filed_message; -- \" OR 1=1 /*";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private String appXml(String msgId, String content) {
        return "<xml><ToUserName><![CDATA[" + CORP + "]]></ToUserName><FromUserName><![CDATA[" + member()
                + "]]></FromUserName><CreateTime>" + CLOCK.instant().getEpochSecond() + "</CreateTime>"
                + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + content + "]]></Content><MsgId>" + msgId
                + "</MsgId><AgentID>" + FakeWeCom.DEFAULT_AGENT_ID + "</AgentID></xml>";
    }

    private int appPost(SignedCallbacks.Signed signed) {
        return app.post("/wecom/app/callback", signed).status();
    }

    @Test
    void theAppDoorRefusesForgedReplayedOversizedMalformedAndEntityLadenCallbacks() {
        SignedCallbacks.Signed good = app.app(appXml("hostile-" + tag, "收到"), CORP, FakeWeCom.DEFAULT_AGENT_ID);
        assertThat(appPost(good.withSignature("f".repeat(40)))).as("forged signature").isEqualTo(403);
        assertThat(appPost(app.signedAt(CLOCK.instant().getEpochSecond() - 3600, appCipher.encrypt(appXml("old-" + tag,
                "收到")), e -> "<xml><Encrypt><![CDATA[" + e + "]]></Encrypt></xml>"))).as("stale").isEqualTo(403);
        String huge = appXml("huge-" + tag, "字".repeat(100_000));
        assertThat(appPost(app.app(huge, CORP, FakeWeCom.DEFAULT_AGENT_ID))).as("oversized").isEqualTo(413);
        assertThat(appPost(good.withBody("<xml><Encrypt>"))).as("malformed envelope").isEqualTo(400);
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
                + "<xml><Encrypt>&lol3;</Encrypt></xml>";
        assertThat(appPost(good.withBody(laughs))).as("billion laughs in the envelope").isEqualTo(400);
        String innerLaughs = laughs.replace("<xml><Encrypt>&lol3;</Encrypt></xml>", "<xml><FromUserName>&lol3;"
                + "</FromUserName><MsgType>text</MsgType><Content>x</Content><MsgId>lol-" + tag + "</MsgId></xml>");
        assertThat(appPost(app.app(innerLaughs, CORP, FakeWeCom.DEFAULT_AGENT_ID))).as("billion laughs inside")
                .isEqualTo(400);
        assertThat(appPost(app.app("<xml><MsgType>text</MsgType><Content>", CORP, FakeWeCom.DEFAULT_AGENT_ID)))
                .as("malformed XML inside a well-encrypted message").isEqualTo(400);
        assertThat(filed(member())).isZero();

        assertThat(appPost(good)).isEqualTo(200);
        assertThat(appPost(good)).as("replayed nonce").isEqualTo(409);
        assertThat(filed(member())).isEqualTo(1);
    }

    @Test
    void malformedJsonInsideAWellEncryptedRobotMessageIsRefused() {
        for (String plaintext : List.of("not json", "[1,2,3]", "{\"msgid\":", "\"just a string\"")) {
            assertThat(robot.post("/wecom/robot/callback", robot.robot(plaintext)).status()).as(plaintext)
                    .isEqualTo(400);
        }
        assertThat(filed(robotChat())).isZero();
    }

    @Test
    void veryLongAndBinaryLookingTextThroughACallbackIsStoredVerbatim() throws Exception {
        StringBuilder text = new StringBuilder("问题");
        for (char c = 0; c < 0x20; c++) {
            text.append("控制").append(c);
        }
        text.append("\u200b\u200e\u202e反向\ufeff\ufffd😀𠮷").append("长".repeat(6_000)).append(SQL).append("结束");
        String msgId = "long-" + tag;
        assertThat(robot.post("/wecom/robot/callback", robot.robot(robotText(msgId, text.toString()))).status())
                .isEqualTo(200);
        long id = messages.findByExternalId(Channel.WECOM_ROBOT, msgId).orElseThrow().id();
        JsonNode record = call("GET", "/api/v1/messages/" + id, null).body();
        assertThat(record.get("text").asText()).isEqualTo(text.toString());
    }

    @Test
    void invalidUtf8ToTheSandboxApiIsA400NotA500() throws Exception {
        byte[] prefix = ("{\"chatId\":\"sb-" + tag + "\",\"userId\":\"u\",\"text\":\"")
                .getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        byte[] suffix = "\"}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + bad.length + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        System.arraycopy(bad, 0, body, prefix.length, bad.length);
        System.arraycopy(suffix, 0, body, prefix.length + bad.length, suffix.length);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/v1/sandbox/messages")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("malformed_json");
    }

    @Test
    void sqlLookingTextInEveryFieldIsStoredVerbatimAndNeverExecuted() {
        // the directory: every name a piece of SQL
        Map<String, Object> person = Map.of("userId", "coord-" + tag, "name", SQL + "王");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("units", List.of(Map.of("name", SQL + "单位-" + tag, "coordinator", person)));
        doc.put("cities", List.of(Map.of("name", SQL + "市-" + tag, "leadUnit", SQL + "单位-" + tag)));
        doc.put("rounds", List.of(Map.of("name", SQL + "轮-" + tag, "start", "2026-11-01", "end", "2026-12-31")));
        doc.put("workGroups", List.of(Map.of("name", SQL + "组", "city", SQL + "市-" + tag, "unit", SQL + "单位-" + tag,
                "kind", "ORDINARY", "round", SQL + "轮-" + tag,
                "members", List.of(Map.of("userId", "sql-" + tag, "name", SQL + "张", "role", "LEADER")),
                "chats", List.of(Map.of("channel", "SANDBOX", "chatId", "sb-" + tag)))));
        Answer directory = call("PUT", "/api/v1/directory", doc);
        assertThat(directory.status()).as(directory.text()).isIn(200, 400);
        if (directory.status() == 200) {
            String stored = call("GET", "/api/v1/directory", null).text();
            assertThat(stored).contains(json(SQL + "单位-" + tag)).contains(json(SQL + "组")).contains(json(SQL + "张"));
        }

        // the sandbox API: every field
        String[] chats = {"sb-" + tag, SQL + tag};
        for (String chat : chats) {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("chatId", chat);
            message.put("userId", SQL + "u-" + tag);
            message.put("userName", SQL + "名");
            message.put("text", "问题 " + SQL);
            message.put("externalId", SQL + "id-" + chat.hashCode() + tag);
            message.put("quote", SQL);
            Answer said = call("POST", "/api/v1/sandbox/messages", message);
            assertThat(said.status()).as(said.text()).isIn(200, 400, 404);
            if (said.status() == 200) {
                JsonNode record = call("GET", "/api/v1/messages/" + said.body().get("messageId").asLong(), null)
                        .body();
                assertThat(record.get("text").asText()).isEqualTo("问题 " + SQL);
                assertThat(record.get("chatId").asText()).isEqualTo(chat);
                assertThat(record.get("senderId").asText()).isEqualTo(SQL + "u-" + tag);
                assertThat(record.get("externalId").asText()).isEqualTo(SQL + "id-" + chat.hashCode() + tag);
            }
        }

        // the search: SQL in the keyword and the filters finds what contains it, and no more
        Answer all = call("GET", "/api/v1/messages?size=1", null);
        long total = all.body().get("total").asLong();
        for (String q : List.of("' OR '1'='1", "%' OR 1=1 -- ", "\\' OR 1=1#", "%", "_ OR _")) {
            Answer found = call("GET", "/api/v1/messages?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null);
            assertThat(found.status()).as(q + ": " + found.text()).isEqualTo(200);
            assertThat(found.body().get("total").asLong()).as(q).isLessThan(total);
        }
        Answer byChat = call("GET", "/api/v1/messages?chatId=" + URLEncoder.encode("x' OR '1'='1",
                StandardCharsets.UTF_8), null);
        assertThat(byChat.status()).isEqualTo(200);
        assertThat(byChat.body().get("total").asLong()).isZero();
        Answer badType = call("GET", "/api/v1/messages?type=" + URLEncoder.encode(SQL, StandardCharsets.UTF_8), null);
        assertThat(badType.status()).as(badType.text()).isIn(200, 400);
        // and the tables are all still there
        assertThat(call("GET", "/api/v1/messages?size=1", null).body().get("total").asLong())
                .isGreaterThanOrEqualTo(total);
    }

    private String json(String text) {
        return quoted(text).substring(1, quoted(text).length() - 1);
    }
}
