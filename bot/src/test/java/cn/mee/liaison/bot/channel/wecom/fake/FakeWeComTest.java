package cn.mee.liaison.bot.channel.wecom.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.mee.liaison.testsupport.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FakeWeComTest {

    static final String CORP = "ww-corp";
    static final String SECRET = "app-secret";
    static final String OTHER_SECRET = "other-app-secret";
    static final int OTHER_AGENT = 1000003;
    static final String HOOK = "hook-key-1";
    static final String BOT = "bot-1";
    static final String BOT_SECRET = "bot-secret";
    static final String ROBOT_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";

    final MutableClock clock = MutableClock.at(LocalDateTime.of(2025, 6, 2, 9, 0));
    FakeWeCom wecom;
    ApiClient api;

    @BeforeEach
    void start() {
        wecom = FakeWeCom.start(clock)
                .corp(CORP, SECRET)
                .corp(CORP, OTHER_SECRET, OTHER_AGENT)
                .member("zhangsan").member("lisi").member("wangwu")
                .webhookKey(HOOK)
                .robot(BOT, BOT_SECRET);
        api = new ApiClient(wecom.apiBaseUrl());
    }

    @AfterEach
    void stop() {
        wecom.close();
    }

    String token() {
        return token(SECRET);
    }

    String token(String secret) {
        JsonNode answer = api.get("/cgi-bin/gettoken?corpid=" + CORP + "&corpsecret=" + secret);
        assertThat(answer.path("errcode").asInt()).isZero();
        return answer.path("access_token").asText();
    }

    JsonNode sendText(String token, String touser, String content) {
        ObjectNode message = BotSocket.object().put("touser", touser).put("msgtype", "text")
                .put("agentid", FakeWeCom.DEFAULT_AGENT_ID);
        message.putObject("text").put("content", content);
        return api.post("/cgi-bin/message/send?access_token=" + token, message.toString());
    }

    static int errcode(JsonNode answer) {
        return answer.path("errcode").asInt(Integer.MIN_VALUE);
    }

    @Test
    void urlsPointAtLoopbackPorts() {
        assertThat(wecom.apiBaseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(wecom.wsUrl()).matches("ws://127\\.0\\.0\\.1:\\d+");
        assertThat(wecom.wsUrl()).isNotEqualTo(wecom.apiBaseUrl().replace("http", "ws"));
    }

    @Test
    void anUnknownEndpointIs404AndAViolation() {
        HttpResponse<byte[]> response = api.send("POST", "/cgi-bin/message/recall", new byte[0], null,
                Duration.ofSeconds(5));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(wecom.violations()).containsExactly("POST /cgi-bin/message/recall: unknown endpoint");
    }

    @Nested
    class GetToken {

        @Test
        void rightCredentialsGetATokenFor7200Seconds() {
            JsonNode answer = api.get("/cgi-bin/gettoken?corpid=" + CORP + "&corpsecret=" + SECRET);

            assertThat(errcode(answer)).isZero();
            assertThat(answer.path("errmsg").asText()).isEqualTo("ok");
            assertThat(answer.path("access_token").asText()).hasSizeGreaterThan(40);
            assertThat(answer.path("expires_in").asLong()).isEqualTo(7200);
            assertThat(wecom.gettokenCalls()).isEqualTo(1);
            assertThat(wecom.violations()).isEmpty();
        }

        @Test
        void aRepeatedCallReturnsTheSameTokenWithWhatIsLeftOfItsLifetime() {
            String first = token();
            clock.advance(Duration.ofSeconds(100));

            JsonNode again = api.get("/cgi-bin/gettoken?corpid=" + CORP + "&corpsecret=" + SECRET);

            assertThat(again.path("access_token").asText()).isEqualTo(first);
            assertThat(again.path("expires_in").asLong()).isEqualTo(7100);
            assertThat(wecom.gettokenCalls()).isEqualTo(2);
        }

        @Test
        void eachAppHasItsOwnToken() {
            assertThat(token(SECRET)).isNotEqualTo(token(OTHER_SECRET));
        }

        @Test
        void wrongOrMissingCredentialsAreRefusedAndRecorded() {
            assertThat(errcode(api.get("/cgi-bin/gettoken?corpid=" + CORP + "&corpsecret=wrong"))).isEqualTo(40001);
            assertThat(errcode(api.get("/cgi-bin/gettoken?corpid=ww-other&corpsecret=" + SECRET))).isEqualTo(40013);
            assertThat(errcode(api.get("/cgi-bin/gettoken?corpsecret=" + SECRET))).isEqualTo(41002);
            assertThat(errcode(api.get("/cgi-bin/gettoken?corpid=" + CORP))).isEqualTo(41004);

            assertThat(wecom.gettokenCalls()).isEqualTo(4);
            assertThat(wecom.violations()).containsExactly(
                    "GET /cgi-bin/gettoken: 40001 wrong corpsecret for corpid ww-corp",
                    "GET /cgi-bin/gettoken: 40013 unknown corpid ww-other",
                    "GET /cgi-bin/gettoken: 41002 corpid is missing",
                    "GET /cgi-bin/gettoken: 41004 corpsecret is missing");
        }

        @Test
        void aTokenExpiresWithTheClockAnd42001IsNoViolation() {
            wecom.tokenLifetime(Duration.ofSeconds(60));
            String token = token();
            clock.advance(Duration.ofSeconds(59));
            assertThat(errcode(sendText(token, "zhangsan", "still valid"))).isZero();

            clock.advance(Duration.ofSeconds(1));
            JsonNode expired = sendText(token, "zhangsan", "too late");

            assertThat(errcode(expired)).isEqualTo(42001);
            assertThat(expired.path("errmsg").asText()).startsWith("access_token expired");
            String fresh = token();
            assertThat(fresh).isNotEqualTo(token);
            assertThat(errcode(sendText(fresh, "zhangsan", "again"))).isZero();
            assertThat(wecom.violations()).isEmpty();
        }

        @Test
        void expireAllTokensInvalidatesEarlyWith40014AndGettokenIssuesANewOne() {
            String token = token();

            wecom.expireAllTokens();

            assertThat(errcode(sendText(token, "zhangsan", "hello"))).isEqualTo(40014);
            String fresh = token();
            assertThat(fresh).isNotEqualTo(token);
            assertThat(errcode(sendText(fresh, "zhangsan", "hello"))).isZero();
            assertThat(wecom.violations()).isEmpty();
        }

        @Test
        void aMissingOrMadeUpTokenIsAViolation() {
            assertThat(errcode(api.post("/cgi-bin/message/send", "{}"))).isEqualTo(41001);
            assertThat(errcode(sendText("made-up", "zhangsan", "hello"))).isEqualTo(40014);

            assertThat(wecom.violations()).containsExactly(
                    "POST /cgi-bin/message/send: 41001 access_token is missing",
                    "POST /cgi-bin/message/send: 40014 access_token was never issued");
        }

        @Test
        void postingToGettokenIsRefused() {
            JsonNode answer = api.post("/cgi-bin/gettoken?corpid=" + CORP + "&corpsecret=" + SECRET, "{}");

            assertThat(errcode(answer)).isEqualTo(43001);
            assertThat(wecom.violations()).containsExactly("POST /cgi-bin/gettoken: 43001 POST is not allowed here");
        }
    }

    @Nested
    class MessageSend {

        String token;

        @BeforeEach
        void token() {
            token = FakeWeComTest.this.token();
        }

        JsonNode send(String json) {
            return api.post("/cgi-bin/message/send?access_token=" + token, json);
        }

        @Test
        void aTextToTwoMembersIsAcceptedAndRecorded() {
            JsonNode answer = sendText(token, "zhangsan|lisi", "日报已收到");

            assertThat(errcode(answer)).isZero();
            assertThat(answer.path("invaliduser").asText()).isEmpty();
            assertThat(answer.path("msgid").asText()).isNotEmpty();
            List<Recorded> sent = wecom.received("/cgi-bin/message/send");
            assertThat(sent).hasSize(1);
            assertThat(sent.get(0).method()).isEqualTo("POST");
            assertThat(sent.get(0).query()).containsEntry("access_token", token);
            assertThat(sent.get(0).json().path("touser").asText()).isEqualTo("zhangsan|lisi");
            assertThat(sent.get(0).json().path("text").path("content").asText()).isEqualTo("日报已收到");
            assertThat(sent.get(0).at()).isEqualTo(clock.instant());
            assertThat(wecom.violations()).isEmpty();
            assertThat(wecom.dropped()).isEmpty();
        }

        @Test
        void markdownFileAndImageMessagesAreAccepted() {
            wecom.media("media-1", "%PDF-1.4 report".getBytes(StandardCharsets.UTF_8), "report.pdf");
            String image = api.upload("/cgi-bin/media/upload?access_token=" + token + "&type=image", "a.png",
                    new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4}).path("media_id").asText();

            assertThat(errcode(send("{\"touser\":\"@all\",\"msgtype\":\"markdown\",\"agentid\":1000002,"
                    + "\"markdown\":{\"content\":\"**急报**\"}}"))).isZero();
            assertThat(errcode(send("{\"touser\":\"lisi\",\"msgtype\":\"file\",\"agentid\":1000002,"
                    + "\"file\":{\"media_id\":\"media-1\"}}"))).isZero();
            assertThat(errcode(send("{\"touser\":\"lisi\",\"msgtype\":\"image\",\"agentid\":1000002,"
                    + "\"image\":{\"media_id\":\"" + image + "\"},\"safe\":0}"))).isZero();
            assertThat(wecom.violations()).isEmpty();
        }

        @Test
        void contentOf2048BytesFitsAnd2049IsTooLong() {
            String fits = "报".repeat(682) + "ab";
            assertThat(fits.getBytes(StandardCharsets.UTF_8)).hasSize(2048);

            assertThat(errcode(sendText(token, "zhangsan", fits))).isZero();
            JsonNode tooLong = sendText(token, "zhangsan", fits + "c");

            assertThat(errcode(tooLong)).isEqualTo(45002);
            assertThat(wecom.violations()).containsExactly(
                    "POST /cgi-bin/message/send: 45002 text.content is 2049 bytes, limit 2048");
        }

        @Test
        void malformedMessagesGetTheirWeComErrorAndAreRecorded() {
            assertThat(errcode(sendText(token, "zhangsan", ""))).isEqualTo(44004);
            assertThat(errcode(send("{\"touser\":\"zhangsan\",\"msgtype\":\"text\",\"agentid\":1000002}")))
                    .isEqualTo(40058);
            assertThat(errcode(send("{\"touser\":\"zhangsan\",\"msgtype\":\"voice\",\"agentid\":1000002,"
                    + "\"voice\":{\"media_id\":\"x\"}}"))).isEqualTo(40008);
            assertThat(errcode(send("{\"touser\":\"zhangsan\",\"agentid\":1000002,\"text\":{\"content\":\"x\"}}")))
                    .isEqualTo(40008);
            assertThat(errcode(send("{\"touser\":\"zhangsan\",\"msgtype\":\"text\",\"agentid\":1000003,"
                    + "\"text\":{\"content\":\"x\"}}"))).isEqualTo(40056);
            assertThat(errcode(send("{\"touser\":\"zhangsan\",\"msgtype\":\"text\",\"agentid\":\"1000002\","
                    + "\"text\":{\"content\":\"x\"}}"))).isEqualTo(40056);
            assertThat(errcode(send("{\"touser\":\"zhangsan\",\"msgtype\":\"file\",\"agentid\":1000002,"
                    + "\"file\":{\"media_id\":\"nope\"}}"))).isEqualTo(40007);
            assertThat(errcode(send("{\"touser\":\"zhangsan\",\"msgtype\":\"text\",\"agentid\":1000002,"
                    + "\"text\":{\"content\":42}}"))).isEqualTo(40058);
            assertThat(errcode(send("touser=zhangsan"))).isEqualTo(47001);
            assertThat(errcode(send("{\"msgtype\":\"text\",\"agentid\":1000002,\"text\":{\"content\":\"x\"}}")))
                    .isEqualTo(40058);

            assertThat(wecom.violations()).containsExactly(
                    "POST /cgi-bin/message/send: 44004 text.content is empty",
                    "POST /cgi-bin/message/send: 40058 text is missing",
                    "POST /cgi-bin/message/send: 40008 unsupported msgtype voice",
                    "POST /cgi-bin/message/send: 40008 msgtype is missing",
                    "POST /cgi-bin/message/send: 40056 agentid 1000003 is not the app of this access_token (1000002)",
                    "POST /cgi-bin/message/send: 40056 agentid must be an integer",
                    "POST /cgi-bin/message/send: 40007 file.media_id nope is unknown, expired or not visible here",
                    "POST /cgi-bin/message/send: 40058 text.content must be a string",
                    "POST /cgi-bin/message/send: 47001 the body is not a JSON object",
                    "POST /cgi-bin/message/send: 40058 touser is missing");
        }

        @Test
        void unknownMembersAreNamedInInvaliduserAndRecorded() {
            JsonNode some = sendText(token, "zhangsan|ghost", "hi");
            JsonNode none = sendText(token, "ghost|phantom", "hi");

            assertThat(errcode(some)).isZero();
            assertThat(some.path("invaliduser").asText()).isEqualTo("ghost");
            assertThat(errcode(none)).isEqualTo(81013);
            assertThat(wecom.violations()).containsExactly(
                    "POST /cgi-bin/message/send: unknown members in touser: ghost",
                    "POST /cgi-bin/message/send: 81013 no known member in touser ghost|phantom");
        }

        @Test
        void theThirtyFirstMessageToAMemberWithinAMinuteIsDroppedSilently() {
            for (int i = 0; i < 30; i++) {
                assertThat(errcode(sendText(token, "zhangsan|lisi", "msg " + i))).isZero();
                clock.advance(Duration.ofSeconds(1));
            }
            JsonNode thirtyFirst = sendText(token, "zhangsan", "msg 30");

            assertThat(errcode(thirtyFirst)).isZero();
            assertThat(wecom.dropped()).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo("/cgi-bin/message/send");
                assertThat(d.userId()).isEqualTo("zhangsan");
                assertThat(d.chatId()).isNull();
                assertThat(d.limit()).isEqualTo("30/min per member");
                assertThat(d.at()).isEqualTo(clock.instant());
            });

            clock.advance(Duration.ofSeconds(29));
            assertThat(errcode(sendText(token, "zhangsan", "msg 31"))).isZero();
            assertThat(wecom.dropped()).hasSize(2);
            clock.advance(Duration.ofSeconds(1));
            assertThat(errcode(sendText(token, "zhangsan", "msg 32, the first has left the window"))).isZero();
            assertThat(wecom.dropped()).hasSize(2);
            assertThat(wecom.violations()).isEmpty();
        }

        @Test
        void eachAppHasItsOwnPerMemberLimit() {
            String other = FakeWeComTest.this.token(OTHER_SECRET);
            for (int i = 0; i < 30; i++) {
                sendText(token, "wangwu", "msg " + i);
            }
            ObjectNode message = BotSocket.object().put("touser", "wangwu").put("msgtype", "text")
                    .put("agentid", OTHER_AGENT);
            message.putObject("text").put("content", "from the other app");

            assertThat(errcode(api.post("/cgi-bin/message/send?access_token=" + other, message.toString()))).isZero();
            assertThat(wecom.dropped()).isEmpty();
        }

        @Test
        void flagsAreIntegersOrNumericStringsInRange() {
            String base = "{\"touser\":\"zhangsan\",\"msgtype\":\"text\",\"agentid\":1000002,"
                    + "\"text\":{\"content\":\"x\"},";

            assertThat(errcode(send(base + "\"safe\":2}"))).isZero();
            assertThat(errcode(send(base + "\"safe\":\"1\"}"))).isZero();
            assertThat(errcode(send(base + "\"safe\":3}"))).isEqualTo(40058);
            assertThat(errcode(send(base + "\"enable_duplicate_check\":true}"))).isEqualTo(40058);
            assertThat(wecom.violations()).containsExactly(
                    "POST /cgi-bin/message/send: 40058 safe must be between 0 and 2",
                    "POST /cgi-bin/message/send: 40058 enable_duplicate_check must be an integer");
        }

        @Test
        void getIsNotAllowed() {
            assertThat(errcode(api.get("/cgi-bin/message/send?access_token=" + token))).isEqualTo(43002);
        }
    }

    @Nested
    class AppChats {

        String token;

        @BeforeEach
        void token() {
            token = FakeWeComTest.this.token();
        }

        JsonNode create(String json) {
            return api.post("/cgi-bin/appchat/create?access_token=" + token, json);
        }

        JsonNode send(String json) {
            return send(token, json);
        }

        JsonNode send(String accessToken, String json) {
            return api.post("/cgi-bin/appchat/send?access_token=" + accessToken, json);
        }

        @Test
        void aCreatedChatCanBeSentTo() {
            JsonNode created = create("{\"name\":\"第一工作组联络群\",\"owner\":\"lisi\","
                    + "\"userlist\":[\"zhangsan\",\"lisi\",\"wangwu\"],\"chatid\":\"group1\"}");

            assertThat(errcode(created)).isZero();
            assertThat(created.path("chatid").asText()).isEqualTo("group1");
            assertThat(wecom.appChatMembers("group1")).containsExactly("zhangsan", "lisi", "wangwu");
            JsonNode sent = send("{\"chatid\":\"group1\",\"msgtype\":\"text\",\"text\":{\"content\":\"开会\"},"
                    + "\"safe\":0}");
            assertThat(errcode(sent)).isZero();
            assertThat(wecom.received("/cgi-bin/appchat/send").get(0).json().path("chatid").asText())
                    .isEqualTo("group1");
            assertThat(wecom.violations()).isEmpty();
        }

        @Test
        void withoutAChatidOneIsGenerated() {
            JsonNode created = create("{\"userlist\":[\"zhangsan\",\"lisi\"]}");

            assertThat(errcode(created)).isZero();
            String chatId = created.path("chatid").asText();
            assertThat(chatId).matches("wr[0-9a-f]{30}");
            assertThat(errcode(send("{\"chatid\":\"" + chatId + "\",\"msgtype\":\"markdown\","
                    + "\"markdown\":{\"content\":\"**ok**\"}}"))).isZero();
        }

        @Test
        void creationChecksMembersOwnerNameAndChatid() {
            assertThat(errcode(create("{\"userlist\":[\"zhangsan\"]}"))).isEqualTo(86006);
            assertThat(errcode(create("{\"userlist\":[\"zhangsan\",\"zhangsan\"]}"))).isEqualTo(86006);
            assertThat(errcode(create("{\"userlist\":[\"zhangsan\",\"ghost\"]}"))).isEqualTo(86007);
            assertThat(errcode(create("{\"owner\":\"wangwu\",\"userlist\":[\"zhangsan\",\"lisi\"]}")))
                    .isEqualTo(86005);
            assertThat(errcode(create("{\"chatid\":\"group-1\",\"userlist\":[\"zhangsan\",\"lisi\"]}")))
                    .isEqualTo(86001);
            assertThat(errcode(create("{\"name\":\"" + "群".repeat(51) + "\",\"userlist\":[\"zhangsan\",\"lisi\"]}")))
                    .isEqualTo(86004);
            assertThat(errcode(create("{\"name\":\"x\"}"))).isEqualTo(86006);
            assertThat(errcode(create("{\"chatid\":\"g2\",\"userlist\":[\"zhangsan\",\"lisi\"]}"))).isZero();
            assertThat(errcode(create("{\"chatid\":\"g2\",\"userlist\":[\"zhangsan\",\"lisi\"]}"))).isEqualTo(86215);

            assertThat(wecom.violations()).containsExactly(
                    "POST /cgi-bin/appchat/create: 86006 userlist has 1 members, allowed 2–2000",
                    "POST /cgi-bin/appchat/create: 86006 userlist has 1 members, allowed 2–2000",
                    "POST /cgi-bin/appchat/create: 86007 unknown member ghost",
                    "POST /cgi-bin/appchat/create: 86005 owner wangwu is not in userlist",
                    "POST /cgi-bin/appchat/create: 86001 chatid must be 1–32 letters and digits",
                    "POST /cgi-bin/appchat/create: 86004 name is longer than 50 characters",
                    "POST /cgi-bin/appchat/create: 86006 userlist must be an array of strings",
                    "POST /cgi-bin/appchat/create: 86215 chatid g2 already exists");
        }

        @Test
        void twoThousandMembersAreAllowedAndOneMoreIsNot() {
            List<String> members = IntStream.range(0, 2001).mapToObj(i -> "user" + i).toList();
            members.forEach(wecom::member);
            ArrayNode userlist = BotSocket.MAPPER.createArrayNode();
            members.subList(0, 2000).forEach(userlist::add);
            ObjectNode chat = BotSocket.object();
            chat.set("userlist", userlist);

            assertThat(errcode(create(chat.toString()))).isZero();
            userlist.add("user2000");
            assertThat(errcode(create(chat.toString()))).isEqualTo(86006);
        }

        @Test
        void sendingChecksTheChatAndTheMessage() {
            wecom.appChat("preset", List.of("zhangsan", "lisi"));
            create("{\"chatid\":\"mine\",\"userlist\":[\"zhangsan\",\"lisi\"]}");
            String otherApp = FakeWeComTest.this.token(OTHER_SECRET);

            assertThat(errcode(send("{\"chatid\":\"nowhere\",\"msgtype\":\"text\",\"text\":{\"content\":\"x\"}}")))
                    .isEqualTo(86003);
            assertThat(errcode(send("{\"msgtype\":\"text\",\"text\":{\"content\":\"x\"}}"))).isEqualTo(86001);
            assertThat(errcode(send(otherApp,
                    "{\"chatid\":\"mine\",\"msgtype\":\"text\",\"text\":{\"content\":\"x\"}}")))
                    .isEqualTo(86008);
            assertThat(errcode(send(otherApp, "{\"chatid\":\"preset\",\"msgtype\":\"text\","
                    + "\"text\":{\"content\":\"x\"}}"))).isZero();
            assertThat(errcode(send("{\"chatid\":\"mine\",\"msgtype\":\"text\",\"text\":{\"content\":\""
                    + "x".repeat(2049) + "\"}}"))).isEqualTo(45002);
            assertThat(errcode(send("{\"chatid\":\"mine\",\"msgtype\":\"news\",\"news\":{}}"))).isEqualTo(40008);

            assertThat(wecom.violations()).containsExactly(
                    "POST /cgi-bin/appchat/send: 86003 chatid nowhere does not exist",
                    "POST /cgi-bin/appchat/send: 86001 chatid is missing",
                    "POST /cgi-bin/appchat/send: 86008 chat mine was created by another app",
                    "POST /cgi-bin/appchat/send: 45002 text.content is 2049 bytes, limit 2048",
                    "POST /cgi-bin/appchat/send: 40008 unsupported msgtype news");
        }

        @Test
        void aPresetChatNeedsTwoMembers() {
            assertThatThrownBy(() -> wecom.appChat("lonely", List.of("zhangsan")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(wecom.appChatMembers("lonely")).isEmpty();
        }

        @Test
        void eachMemberReceivesAtMost200GroupMessagesAMinuteTheRestIsDroppedSilently() {
            wecom.appChat("busy", List.of("zhangsan", "lisi"));
            wecom.appChat("quiet", List.of("lisi", "wangwu"));
            String message = "{\"chatid\":\"busy\",\"msgtype\":\"text\",\"text\":{\"content\":\"x\"}}";
            for (int i = 0; i < 200; i++) {
                assertThat(errcode(send(message))).isZero();
            }

            assertThat(errcode(send(message))).isZero();
            assertThat(errcode(send("{\"chatid\":\"quiet\",\"msgtype\":\"text\",\"text\":{\"content\":\"y\"}}")))
                    .isZero();

            assertThat(wecom.dropped()).extracting(Dropped::chatId, Dropped::userId, Dropped::limit).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("busy", "zhangsan", "200/min per member in app group chats"),
                    org.assertj.core.groups.Tuple.tuple("busy", "lisi", "200/min per member in app group chats"),
                    org.assertj.core.groups.Tuple.tuple("quiet", "lisi", "200/min per member in app group chats"));
            clock.advance(Duration.ofMinutes(1));
            assertThat(errcode(send(message))).isZero();
            assertThat(wecom.dropped()).hasSize(3);
            assertThat(wecom.violations()).isEmpty();
        }
    }

    @Nested
    class Media {

        String token;

        @BeforeEach
        void token() {
            token = FakeWeComTest.this.token();
        }

        @Test
        void registeredMediaIsServedWithItsFilename() {
            byte[] bytes = "PK\u0003\u0004 workbook".getBytes(StandardCharsets.ISO_8859_1);
            wecom.media("m-1", bytes, "report.xlsx").media("m-2", bytes, "日报 汇总.xlsx");

            HttpResponse<byte[]> ascii = api.send("GET", "/cgi-bin/media/get?access_token=" + token
                    + "&media_id=m-1", null, null, Duration.ofSeconds(5));
            HttpResponse<byte[]> chinese = api.send("GET", "/cgi-bin/media/get?access_token=" + token
                    + "&media_id=m-2", null, null, Duration.ofSeconds(5));

            assertThat(ascii.statusCode()).isEqualTo(200);
            assertThat(ascii.body()).isEqualTo(bytes);
            assertThat(ascii.headers().firstValue("Content-Disposition"))
                    .hasValue("attachment; filename=\"report.xlsx\"");
            assertThat(chinese.headers().firstValue("Content-Disposition")).hasValue(
                    "attachment; filename=\"%E6%97%A5%E6%8A%A5%20%E6%B1%87%E6%80%BB.xlsx\"; "
                            + "filename*=UTF-8''%E6%97%A5%E6%8A%A5%20%E6%B1%87%E6%80%BB.xlsx");
        }

        @Test
        void unknownOrMissingMediaIdIsRefused() {
            assertThat(errcode(api.get("/cgi-bin/media/get?access_token=" + token + "&media_id=nope")))
                    .isEqualTo(40007);
            assertThat(errcode(api.get("/cgi-bin/media/get?access_token=" + token))).isEqualTo(41006);
            assertThat(wecom.violations()).hasSize(2);
        }

        @Test
        void anUploadedFileCanBeDownloadedForThreeDays() {
            byte[] bytes = "季度汇总 quarterly summary".getBytes(StandardCharsets.UTF_8);

            JsonNode uploaded = api.upload("/cgi-bin/media/upload?access_token=" + token + "&type=file",
                    "summary.txt", bytes);

            assertThat(errcode(uploaded)).isZero();
            assertThat(uploaded.path("type").asText()).isEqualTo("file");
            assertThat(uploaded.path("created_at").asText())
                    .isEqualTo(String.valueOf(clock.instant().getEpochSecond()));
            String mediaId = uploaded.path("media_id").asText();
            HttpResponse<byte[]> download = api.send("GET", "/cgi-bin/media/get?access_token=" + token
                    + "&media_id=" + mediaId, null, null, Duration.ofSeconds(5));
            assertThat(download.body()).isEqualTo(bytes);
            assertThat(download.headers().firstValue("Content-Disposition"))
                    .hasValue("attachment; filename=\"summary.txt\"");
            Recorded upload = wecom.received("/cgi-bin/media/upload").get(0);
            assertThat(upload.json()).isNull();
            assertThat(upload.query()).containsEntry("type", "file");

            clock.advance(Duration.ofDays(3).minusSeconds(1));
            String later = FakeWeComTest.this.token();
            assertThat(api.send("GET", "/cgi-bin/media/get?access_token=" + later + "&media_id=" + mediaId, null,
                    null, Duration.ofSeconds(5)).body()).isEqualTo(bytes);
            clock.advance(Duration.ofSeconds(1));
            assertThat(errcode(api.get("/cgi-bin/media/get?access_token=" + later + "&media_id=" + mediaId)))
                    .isEqualTo(40007);
        }

        @Test
        void uploadsAreChecked() {
            byte[] bytes = "0123456789".getBytes(StandardCharsets.US_ASCII);
            assertThat(errcode(api.upload("/cgi-bin/media/upload?access_token=" + token + "&type=pdf", "a.pdf",
                    bytes))).isEqualTo(40005);
            assertThat(errcode(api.upload("/cgi-bin/media/upload?access_token=" + token, "a.pdf", bytes)))
                    .isEqualTo(40005);
            assertThat(errcode(api.upload("/cgi-bin/media/upload?access_token=" + token + "&type=file", "tiny.txt",
                    new byte[3]))).isEqualTo(40006);
            assertThat(errcode(api.upload("/cgi-bin/media/upload?access_token=" + token + "&type=file", "empty.txt",
                    new byte[0]))).isEqualTo(44001);
            assertThat(errcode(api.post("/cgi-bin/media/upload?access_token=" + token + "&type=file", "{}")))
                    .isEqualTo(47001);
            assertThat(wecom.violations()).hasSize(5);
        }

        @Test
        void robotMediaIsServedEncryptedWithTheRobotsKey() throws Exception {
            byte[] plain = "图片字节 image bytes".repeat(10).getBytes(StandardCharsets.UTF_8);

            String url = wecom.robotMedia(plain, ROBOT_KEY);

            assertThat(url).startsWith(wecom.apiBaseUrl() + "/cgi-bin/aibot/media/");
            HttpResponse<byte[]> download = api.send("GET", url.substring(wecom.apiBaseUrl().length()), null, null,
                    Duration.ofSeconds(5));
            assertThat(download.statusCode()).isEqualTo(200);
            byte[] encrypted = download.body();
            assertThat(encrypted.length % 32).isZero();
            assertThat(encrypted).isNotEqualTo(plain);
            byte[] key = Base64.getDecoder().decode(ROBOT_KEY + "=");
            Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
            byte[] padded = aes.doFinal(encrypted);
            int pad = padded[padded.length - 1];
            assertThat(pad).isBetween(1, 32);
            assertThat(Arrays.copyOf(padded, padded.length - pad)).isEqualTo(plain);
        }
    }

    @Nested
    class Webhook {

        JsonNode send(String json) {
            return api.post("/cgi-bin/webhook/send?key=" + HOOK, json);
        }

        String text(String content) {
            return BotSocket.object().put("msgtype", "text").set("text", BotSocket.object().put("content", content))
                    .toString();
        }

        @Test
        void textWithMentionsAndMarkdownAreAccepted() {
            assertThat(errcode(send("{\"msgtype\":\"text\",\"text\":{\"content\":\"请及时报送\","
                    + "\"mentioned_list\":[\"zhangsan\",\"@all\"],\"mentioned_mobile_list\":[\"13800001111\"]}}")))
                    .isZero();
            assertThat(errcode(send("{\"msgtype\":\"markdown\",\"markdown\":{\"content\":\""
                    + "x".repeat(4096) + "\"}}"))).isZero();

            assertThat(wecom.received("/cgi-bin/webhook/send")).extracting(r -> r.json().path("msgtype").asText())
                    .containsExactly("text", "markdown");
            assertThat(wecom.violations()).isEmpty();
        }

        @Test
        void textAndMarkdownLimitsAreBytes() {
            assertThat(errcode(send(text("字".repeat(682) + "xx")))).isZero();
            assertThat(errcode(send(text("字".repeat(683))))).isEqualTo(45002);
            assertThat(errcode(send("{\"msgtype\":\"markdown\",\"markdown\":{\"content\":\""
                    + "x".repeat(4097) + "\"}}"))).isEqualTo(45002);
            assertThat(errcode(send(
                    "{\"msgtype\":\"text\",\"text\":{\"content\":\"x\",\"mentioned_list\":\"zhangsan\"}}")))
                    .isEqualTo(40058);
            assertThat(wecom.violations()).containsExactly(
                    "POST /cgi-bin/webhook/send: 45002 text.content is 2049 bytes, limit 2048",
                    "POST /cgi-bin/webhook/send: 45002 markdown.content is 4097 bytes, limit 4096",
                    "POST /cgi-bin/webhook/send: 40058 text.mentioned_list must be an array of strings");
        }

        @Test
        void imagesNeedTheirMd5AndAtMostTwoMegabytes() {
            byte[] png = "\u0089PNG fake image".getBytes(StandardCharsets.ISO_8859_1);
            String md5 = WebhookApi.md5Hex(png);
            byte[] big = new byte[2 * 1024 * 1024 + 1];

            assertThat(errcode(send(image(png, md5)))).isZero();
            assertThat(errcode(send(image(png, md5.toUpperCase())))).isZero();
            assertThat(errcode(send(image(png, "0".repeat(32))))).isEqualTo(40058);
            assertThat(errcode(send(image(big, WebhookApi.md5Hex(big))))).isEqualTo(40009);
            assertThat(errcode(send("{\"msgtype\":\"image\",\"image\":{\"base64\":\"@@\",\"md5\":\"x\"}}")))
                    .isEqualTo(40058);
            assertThat(wecom.violations()).hasSize(3);
        }

        String image(byte[] bytes, String md5) {
            return "{\"msgtype\":\"image\",\"image\":{\"base64\":\"" + Base64.getEncoder().encodeToString(bytes)
                    + "\",\"md5\":\"" + md5 + "\"}}";
        }

        @Test
        void newsCarriesOneToEightArticles() {
            String article = "{\"title\":\"督办通知\",\"url\":\"https://example.org/1\",\"description\":\"d\"}";

            assertThat(errcode(send(news(article)))).isZero();
            assertThat(errcode(send(news(String.join(",", java.util.Collections.nCopies(8, article)))))).isZero();
            assertThat(errcode(send(news(String.join(",", java.util.Collections.nCopies(9, article))))))
                    .isEqualTo(45008);
            assertThat(errcode(send(news("")))).isEqualTo(45008);
            assertThat(errcode(send(news("{\"title\":\"no url\"}")))).isEqualTo(40058);
            assertThat(wecom.violations()).containsExactly(
                    "POST /cgi-bin/webhook/send: 45008 news has 9 articles, allowed 1–8",
                    "POST /cgi-bin/webhook/send: 45008 news has 0 articles, allowed 1–8",
                    "POST /cgi-bin/webhook/send: 40058 news.articles[0].url is missing");
        }

        String news(String articles) {
            return "{\"msgtype\":\"news\",\"news\":{\"articles\":[" + articles + "]}}";
        }

        @Test
        void filesAreSentByTheMediaIdUploadedWithTheSameKey() {
            wecom.webhookKey("hook-key-2");
            JsonNode uploaded = api.upload("/cgi-bin/webhook/upload_media?key=" + HOOK + "&type=file", "日报.xlsx",
                    "PK workbook bytes".getBytes(StandardCharsets.UTF_8));
            assertThat(errcode(uploaded)).isZero();
            assertThat(uploaded.path("type").asText()).isEqualTo("file");
            String mediaId = uploaded.path("media_id").asText();
            String file = "{\"msgtype\":\"file\",\"file\":{\"media_id\":\"" + mediaId + "\"}}";

            assertThat(errcode(send(file))).isZero();
            assertThat(errcode(api.post("/cgi-bin/webhook/send?key=hook-key-2", file))).isEqualTo(40007);
            assertThat(errcode(send("{\"msgtype\":\"file\",\"file\":{\"media_id\":\"nope\"}}"))).isEqualTo(40007);
            assertThat(errcode(api.upload("/cgi-bin/webhook/upload_media?key=" + HOOK + "&type=image", "a.png",
                    new byte[10]))).isEqualTo(40005);
            assertThat(wecom.violations()).hasSize(3);
        }

        @Test
        void anUnknownOrMissingKeyIs93000() {
            assertThat(errcode(api.post("/cgi-bin/webhook/send?key=nope", text("x")))).isEqualTo(93000);
            assertThat(errcode(api.post("/cgi-bin/webhook/send", text("x")))).isEqualTo(93000);
            assertThat(errcode(api.upload("/cgi-bin/webhook/upload_media?key=nope&type=file", "a.txt", new byte[10])))
                    .isEqualTo(93000);
            assertThat(errcode(send("{\"msgtype\":\"template_card\",\"template_card\":{}}"))).isEqualTo(40008);
        }

        @Test
        void twentyMessagesPerMinuteOnASlidingWindow() {
            for (int i = 0; i < 10; i++) {
                assertThat(errcode(send(text("early " + i)))).isZero();
            }
            clock.advance(Duration.ofSeconds(30));
            for (int i = 0; i < 10; i++) {
                assertThat(errcode(send(text("late " + i)))).isZero();
            }
            assertThat(errcode(send(text("one too many")))).isEqualTo(45009);

            clock.advance(Duration.ofSeconds(30));
            for (int i = 0; i < 10; i++) {
                assertThat(errcode(send(text("next minute " + i)))).isZero();
            }
            assertThat(errcode(send(text("again too many")))).isEqualTo(45009);
            assertThat(wecom.violations()).containsExactly(
                    "POST /cgi-bin/webhook/send: 45009 more than 20 messages per minute on webhook key hook-key-1",
                    "POST /cgi-bin/webhook/send: 45009 more than 20 messages per minute on webhook key hook-key-1");
        }

        @Test
        void concurrentSendersShareOneWindow() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    String body = text("parallel " + i);
                    answers.add(pool.submit(() -> errcode(send(body))));
                }
                int ok = 0;
                int limited = 0;
                for (Future<Integer> answer : answers) {
                    int code = answer.get();
                    ok += code == 0 ? 1 : 0;
                    limited += code == 45009 ? 1 : 0;
                }
                assertThat(ok).isEqualTo(20);
                assertThat(limited).isEqualTo(20);
                assertThat(wecom.received("/cgi-bin/webhook/send")).hasSize(40);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class ResponseUrl {

        String path(String url) {
            return url.substring(wecom.apiBaseUrl().length());
        }

        String markdown(String content) {
            return "{\"msgtype\":\"markdown\",\"markdown\":{\"content\":\"" + content + "\"}}";
        }

        @Test
        void aResponseUrlWorksOnce() {
            String url = wecom.newResponseUrl();
            assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/cgi-bin/aibot/response\\?response_code=[0-9a-f]{48}");

            assertThat(errcode(api.post(path(url), markdown("已登记")))).isZero();
            JsonNode second = api.post(path(url), markdown("again"));

            assertThat(errcode(second)).isEqualTo(600039);
            assertThat(wecom.violations()).containsExactly(
                    "POST /cgi-bin/aibot/response: 600039 response_code was already used");
        }

        @Test
        void aResponseUrlExpiresAfterAnHour() {
            String url = wecom.newResponseUrl();
            clock.advance(Duration.ofMinutes(59).plusSeconds(59));
            String other = wecom.newResponseUrl();
            assertThat(errcode(api.post(path(url), markdown("just in time")))).isZero();

            clock.advance(Duration.ofHours(1));
            assertThat(errcode(api.post(path(other), markdown("too late")))).isEqualTo(600040);
            assertThat(errcode(api.post("/cgi-bin/aibot/response?response_code=made-up", markdown("x"))))
                    .isEqualTo(600040);
        }

        @Test
        void aRefusedBodyDoesNotUseTheCodeUp() {
            String url = wecom.newResponseUrl();

            assertThat(errcode(api.post(path(url), "{\"msgtype\":\"text\",\"text\":{\"content\":\"x\"}}")))
                    .isEqualTo(40008);
            assertThat(errcode(api.post(path(url), markdown("x".repeat(20481))))).isEqualTo(45002);
            assertThat(errcode(api.post(path(url), markdown("x".repeat(20480))))).isZero();
            assertThat(errcode(api.post("/cgi-bin/aibot/response", markdown("x")))).isEqualTo(40058);
        }
    }

    @Nested
    class FaultInjection {

        @Test
        void failNextAnswersTheErrcodeThatManyTimesThenServesNormally() {
            String token = token();
            wecom.failNext("/cgi-bin/message/send", Fault.errcode(-1), 2);

            assertThat(errcode(sendText(token, "zhangsan", "1"))).isEqualTo(-1);
            assertThat(errcode(sendText(token, "zhangsan", "2"))).isEqualTo(-1);
            assertThat(errcode(sendText(token, "zhangsan", "3"))).isZero();
            assertThat(wecom.received("/cgi-bin/message/send")).hasSize(3);
            assertThat(wecom.violations()).isEmpty();
        }

        @Test
        void anHttpStatusFaultAnswersThatStatus() {
            wecom.failNext("/cgi-bin/gettoken", Fault.http(502), 1);

            HttpResponse<byte[]> response = api.send("GET", "/cgi-bin/gettoken?corpid=" + CORP + "&corpsecret="
                    + SECRET, null, null, Duration.ofSeconds(5));

            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(token()).isNotEmpty();
            assertThat(wecom.gettokenCalls()).isEqualTo(1);
        }

        @Test
        void aDropClosesTheConnectionWithoutAnAnswer() {
            wecom.failNext("/cgi-bin/webhook", Fault.drop(), 1);

            assertThatThrownBy(() -> api.client().send(api.request("POST", "/cgi-bin/webhook/send?key=" + HOOK,
                    "{}".getBytes(StandardCharsets.UTF_8), "application/json", Duration.ofSeconds(5)),
                    HttpResponse.BodyHandlers.ofByteArray()))
                    .isInstanceOf(IOException.class)
                    .isNotInstanceOf(HttpTimeoutException.class);
            assertThat(wecom.received("/cgi-bin/webhook/send")).hasSize(1);
        }

        @Test
        void aTimeoutHoldsTheRequestWithoutBlockingOthers() throws Exception {
            wecom.alwaysFail("/cgi-bin/appchat/send", Fault.timeout());

            CompletableFuture<HttpResponse<byte[]>> held = api.client().sendAsync(api.request("POST",
                    "/cgi-bin/appchat/send?access_token=x", "{}".getBytes(StandardCharsets.UTF_8),
                    "application/json", Duration.ofMillis(700)), HttpResponse.BodyHandlers.ofByteArray());
            long started = System.nanoTime();
            String token = token();

            assertThat(token).isNotEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(700));
            assertThatThrownBy(held::join).hasCauseInstanceOf(HttpTimeoutException.class);
            wecom.clearFaults();
            assertThat(errcode(api.post("/cgi-bin/appchat/send?access_token=" + token, "{\"chatid\":\"none\","
                    + "\"msgtype\":\"text\",\"text\":{\"content\":\"x\"}}"))).isEqualTo(86003);
        }

        @Test
        void alwaysFailLastsUntilCleared() {
            wecom.alwaysFail("/cgi-bin/gettoken", Fault.errcode(45009));

            for (int i = 0; i < 3; i++) {
                assertThat(errcode(api.get("/cgi-bin/gettoken?corpid=" + CORP + "&corpsecret=" + SECRET)))
                        .isEqualTo(45009);
            }
            wecom.clearFaults();
            assertThat(token()).isNotEmpty();
        }

        @Test
        void oneShotFaultsGoBeforeThePermanentOne() {
            wecom.alwaysFail("/cgi-bin/gettoken", Fault.errcode(45009));
            wecom.failNext("/cgi-bin/gettoken", Fault.errcode(-1), 1);

            assertThat(errcode(api.get("/cgi-bin/gettoken?corpid=" + CORP + "&corpsecret=" + SECRET)))
                    .isEqualTo(-1);
            assertThat(errcode(api.get("/cgi-bin/gettoken?corpid=" + CORP + "&corpsecret=" + SECRET)))
                    .isEqualTo(45009);
        }

        @Test
        void anHttpFaultCannotApplyToALongConnectionCmd() {
            assertThatThrownBy(() -> wecom.failNext("aibot_respond_msg", Fault.http(500), 1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> wecom.failNext("/cgi-bin/gettoken", Fault.errcode(-1), 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Fault.http(42)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void resetForgetsRecordingsFaultsAndWindowsButKeepsTheWorld() {
            String token = token();
            sendText(token, "ghost", "x");
            wecom.alwaysFail("/cgi-bin/gettoken", Fault.errcode(-1));

            wecom.reset();

            assertThat(wecom.received("/")).isEmpty();
            assertThat(wecom.violations()).isEmpty();
            assertThat(wecom.gettokenCalls()).isZero();
            assertThat(token()).isEqualTo(token);
            assertThat(errcode(sendText(token, "zhangsan", "still works"))).isZero();
        }
    }

    @Nested
    class Limits {

        @Test
        void aCompanyMayCallOneApi10000TimesAMinute() {
            Quotas quotas = new Quotas(clock);
            for (int i = 0; i < 10_000; i++) {
                quotas.companyCall(CORP, "/cgi-bin/message/send");
            }

            assertThatThrownBy(() -> quotas.companyCall(CORP, "/cgi-bin/message/send"))
                    .isInstanceOf(Rejection.class)
                    .satisfies(e -> assertThat(((Rejection) e).error().code()).isEqualTo(45009));
            quotas.companyCall(CORP, "/cgi-bin/appchat/send");
            quotas.companyCall("ww-other", "/cgi-bin/message/send");
            clock.advance(Duration.ofMinutes(1));
            quotas.companyCall(CORP, "/cgi-bin/message/send");
        }

        @Test
        void aMemberGetsAtMost1000AppMessagesAnHour() {
            Quotas quotas = new Quotas(clock);
            TokenIssuer.App app = new TokenIssuer.App(CORP, SECRET, FakeWeCom.DEFAULT_AGENT_ID);
            for (int i = 0; i < 1000; i++) {
                assertThat(quotas.appMessageTo(app, "zhangsan")).isEmpty();
                clock.advance(Duration.ofSeconds(2));
            }

            assertThat(quotas.appMessageTo(app, "zhangsan")).hasValue("1000/hour per member");
            clock.advance(Duration.ofMinutes(30));
            assertThat(quotas.appMessageTo(app, "zhangsan")).isEmpty();
        }
    }
}
