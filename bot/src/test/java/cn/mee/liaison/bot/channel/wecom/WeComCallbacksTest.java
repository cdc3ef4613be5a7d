package cn.mee.liaison.bot.channel.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.mee.liaison.bot.channel.wecom.fake.FakeWeCom;
import cn.mee.liaison.bot.channel.wecom.fake.Fault;
import cn.mee.liaison.bot.channel.wecom.fake.Recorded;
import cn.mee.liaison.storage.directory.Channel;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The WeCom callback doors end to end against the fake WeCom: the intelligent robot in webhook mode and the
 * self-built app. A member's message in, the record filed, the answer out (passive reply or message/send); and
 * every kind of bad callback refused with nothing filed.
 */
class WeComCallbacksTest extends WeComTestBase {

    // --- URL verification --------------------------------------------------------------------------------------

    @Test
    void urlVerificationAnswersThePlaintextExactly() {
        SignedCallbacks.Answer answer = robot.verifyUrl("/wecom/robot/callback", "1616140317555161061");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("1616140317555161061");
        SignedCallbacks.Answer appAnswer = app.verifyUrl("/wecom/app/callback", "echo-" + tag);
        assertThat(appAnswer.body()).isEqualTo("echo-" + tag);
    }

    // --- robot, webhook mode -------------------------------------------------------------------------------------

    @Test
    void aRobotMessageIsFiledAndAnsweredInThePassiveReply() throws Exception {
        SignedCallbacks.Answer answer = robot.post("/wecom/robot/callback",
                robot.robot(robotText("m1-" + tag, "@联络机器人 日报 检查企业3家，发现问题1个，督办问题核查0个，明日计划：复查")));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode sealed = json.readTree(answer.body());
        assertThat(robotCipher.verify(sealed.get("msgsignature").asText(), sealed.get("timestamp").asText(),
                sealed.get("nonce").asText(), sealed.get("encrypt").asText())).isTrue();
        JsonNode reply = json.readTree(robotCipher.decrypt(sealed.get("encrypt").asText()));
        assertThat(reply.get("msgtype").asText()).isEqualTo("stream");
        assertThat(reply.get("stream").get("finish").asBoolean()).isTrue();
        assertThat(reply.get("stream").get("id").asText()).matches("[0-9a-f]{32}");
        assertThat(sealed.get("nonce").asText()).matches("[0-9a-f]{10}");
        assertThat(reply.get("stream").get("content").asText()).contains("已登记【每日调度】").contains("检查企业数：3");

        JsonNode records = call("GET", "/api/v1/messages?chatId=" + robotChat(), null).body();
        assertThat(records.get("total").asInt()).isEqualTo(1);
        assertThat(records.get("items").get(0).get("channel").asText()).isEqualTo("WECOM_ROBOT");
        assertThat(records.get("items").get(0).get("workGroup").asText()).isEqualTo("保定市第一组");
        assertThat(records.get("items").get(0).get("fields").get("enterprisesChecked").asInt()).isEqualTo(3);
        // nothing left for the workers: the answer went in the callback's own answer
        assertThat(WECOM.received("/cgi-bin/aibot/response")).isEmpty();
    }

    @Test
    void theSameMsgIdDeliveredAgainAndAtOnceFilesOneRecord() throws Exception {
        String body = robotText("dup-" + tag, "收到");
        assertThat(robot.post("/wecom/robot/callback", robot.robot(body)).status()).isEqualTo(200);
        assertThat(robot.post("/wecom/robot/callback", robot.robot(body)).status()).isEqualTo(200);
        String concurrent = robotText("race-" + tag, "党建 今天开展主题党日，参加5人，学习实施细则");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<SignedCallbacks.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                SignedCallbacks.Signed signed = robot.robot(concurrent);
                answers.add(CompletableFuture.supplyAsync(() -> robot.post("/wecom/robot/callback", signed), pool));
            }
            answers.forEach(a -> assertThat(a.join().status()).isEqualTo(200));
        } finally {
            pool.shutdown();
        }
        assertThat(filed(robotChat())).isEqualTo(2);
    }

    @Test
    void badCallbacksAreRefusedAndLeaveNothing() {
        String body = robotText("bad-" + tag, "日报 检查企业3家");
        SignedCallbacks.Signed good = robot.robot(body);
        assertThat(robot.post("/wecom/robot/callback", good.withSignature("0".repeat(40))).status()).isEqualTo(403);
        SignedCallbacks.Signed stale = robot.signedAt(CLOCK.instant().getEpochSecond() - 3600,
                robotCipher.encrypt(body), e -> "{\"encrypt\":\"" + e + "\"}");
        assertThat(robot.post("/wecom/robot/callback", stale).status()).isEqualTo(403);
        SignedCallbacks.Signed garbage = robot.signedAt(CLOCK.instant().getEpochSecond(), "bm90LWFlcw==",
                e -> "{\"encrypt\":\"" + e + "\"}");
        assertThat(robot.post("/wecom/robot/callback", garbage).status()).isEqualTo(400);
        SignedCallbacks.Signed huge = robot.robot(robotText("huge-" + tag, "字".repeat(200_000)));
        assertThat(robot.post("/wecom/robot/callback", huge).status()).isEqualTo(413);
        assertThat(robot.post("/wecom/robot/callback", good.withBody("not json")).status()).isEqualTo(400);
        assertThat(filed(robotChat())).isZero();

        assertThat(robot.post("/wecom/robot/callback", good).status()).isEqualTo(200);
        assertThat(robot.post("/wecom/robot/callback", good).status()).as("a replayed nonce").isEqualTo(409);
        // the nonce is checked by recording it in the filing transaction: another message under a nonce used before
        // is refused there, and that transaction leaves nothing
        String other = robotCipher.encrypt(robotText("bad-other-" + tag, "日报 检查企业4家"));
        SignedCallbacks.Signed sameNonce = new SignedCallbacks.Signed(good.timestamp(), good.nonce(),
                robotCipher.signature(good.timestamp(), good.nonce(), other), "{\"encrypt\":\"" + other + "\"}");
        assertThat(robot.post("/wecom/robot/callback", sameNonce).status()).as("a nonce used before").isEqualTo(409);
        assertThat(filed(robotChat())).isEqualTo(1);
    }

    @Test
    void aCallbackForAnotherRobotIsRefusedAndLeavesNothing() {
        double refusedBefore = refusedCount("403");
        String body = robotText("other-bot-" + tag, "日报 检查企业3家").replace("\"aibotid\":\"bot-1\"",
                "\"aibotid\":\"bot-2\"");
        assertThat(robot.post("/wecom/robot/callback", robot.robot(body)).status()).isEqualTo(403);
        String without = robotText("no-bot-" + tag, "日报 检查企业3家").replace("\"aibotid\":\"bot-1\",", "");
        assertThat(robot.post("/wecom/robot/callback", robot.robot(without)).status()).isEqualTo(403);
        assertThat(filed(robotChat())).isZero();
        assertThat(refusedCount("403")).isEqualTo(refusedBefore + 2);
        assertThat(robot.post("/wecom/robot/callback", robot.robot(robotText("own-bot-" + tag, "收到"))).status())
                .isEqualTo(200);
        assertThat(filed(robotChat())).isEqualTo(1);
    }

    @Test
    void hostileXmlIsRefusedOnTheAppDoor() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><FromUserName>&x;</FromUserName><MsgType>text</MsgType><Content>帮助</Content>"
                + "<MsgId>xxe-" + tag + "</MsgId></xml>";
        assertThat(app.post("/wecom/app/callback", app.app(xxe, CORP, FakeWeCom.DEFAULT_AGENT_ID)).status())
                .isEqualTo(400);
        SignedCallbacks.Signed envelope = app.app("<xml/>", CORP, FakeWeCom.DEFAULT_AGENT_ID);
        assertThat(app.post("/wecom/app/callback", envelope.withBody("<!DOCTYPE x [<!ENTITY a \"b\">]><xml>&a;</xml>"))
                .status()).isEqualTo(400);
        assertThat(messages.findByExternalId(Channel.WECOM_APP, "xxe-" + tag)).isEmpty();
    }

    // --- the self-built app -------------------------------------------------------------------------------------

    @Test
    void aMemberTalksToTheAppAndIsAnsweredThroughMessageSend() {
        String xml = "<xml><ToUserName><![CDATA[" + CORP + "]]></ToUserName><FromUserName><![CDATA[" + member()
                + "]]></FromUserName><CreateTime>" + CLOCK.instant().getEpochSecond() + "</CreateTime>"
                + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[帮助]]></Content><MsgId>app-" + tag
                + "</MsgId><AgentID>" + FakeWeCom.DEFAULT_AGENT_ID + "</AgentID></xml>";
        assertThat(app.post("/wecom/app/callback", app.app(xml, CORP, FakeWeCom.DEFAULT_AGENT_ID)).status())
                .isEqualTo(200);
        assertThat(filed(member())).isEqualTo(1);
        // the help is longer than message/send takes (2,048 bytes): it goes out in numbered parts
        await().atMost(Duration.ofSeconds(20)).until(() -> sentTo(member()).size() == 2);
        List<String> parts = sentTo(member()).stream().map(r -> r.json().get("text").get("content").asText())
                .toList();
        assertThat(parts.get(0)).startsWith("（1/2）").contains("可以使用以下命令");
        assertThat(parts.get(1)).startsWith("（2/2）");
        assertThat(parts).allSatisfy(p -> assertThat(p.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(2048));
        assertThat(sentTo(member()).get(0).json().get("agentid").asInt()).isEqualTo(FakeWeCom.DEFAULT_AGENT_ID);
        assertThat(WECOM.violations()).isEmpty();
    }

    private List<Recorded> sentTo(String userId) {
        return WECOM.received("/cgi-bin/message/send").stream()
                .filter(r -> userId.equals(r.json().path("touser").asText())).toList();
    }

    @Test
    void anEmergencyFromTheRobotReachesTheBureauWebhookAndTheCoordinator() throws Exception {
        SignedCallbacks.Answer answer = robot.post("/wecom/robot/callback",
                robot.robot(robotText("sos-" + tag, "急报 组员李四发生交通事故，轻伤，已送医院")));
        assertThat(answer.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> !sentTo(coordinator()).isEmpty()
                && WECOM.received("/cgi-bin/webhook/send").stream()
                .anyMatch(r -> r.query().get("key").equals("key-" + tag)));
        assertThat(sentTo(coordinator()).get(0).json().get("text").get("content").asText()).contains("突发情况急报");
        JsonNode hook = WECOM.received("/cgi-bin/webhook/send").stream()
                .filter(r -> r.query().get("key").equals("key-" + tag)).findFirst().orElseThrow().json();
        assertThat(hook.get("msgtype").asText()).isEqualTo("text");
        assertThat(hook.get("text").get("content").asText()).contains("交通事故").contains("保定市第一组");
        assertThat(WECOM.violations()).isEmpty();
    }

    @Test
    void appGroupChatsAreCreatedForAWorkGroupAndBound() {
        Answer created = call("POST", "/api/v1/wecom/appchats",
                Map.of("round", "轮次-" + tag, "workGroup", "保定市第一组"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String chatId = created.body().get("chatId").asText();
        assertThat(WECOM.appChatMembers(chatId)).containsExactlyInAnyOrder(leader(), member());
        JsonNode request = WECOM.received("/cgi-bin/appchat/create").stream()
                .filter(r -> r.json().path("name").asText().startsWith("保定市第一组")).reduce((a, b) -> b)
                .orElseThrow().json();
        assertThat(request.get("owner").asText()).isEqualTo(leader());
        assertThat(WECOM.received("/cgi-bin/appchat/send").stream()
                .anyMatch(r -> r.json().path("chatid").asText().equals(chatId))).isTrue();
        JsonNode directory = call("GET", "/api/v1/directory", null).body();
        assertThat(directory.toString()).contains(chatId).contains("WECOM_APPCHAT");
    }

    @Test
    void creatingAnAppGroupChatWaitsOutABusyWeComForAWhile() {
        // 45009 once: tried again after a pause, and created
        WECOM.failNext("/cgi-bin/appchat/create", Fault.errcode(45009), 1);
        Answer created = call("POST", "/api/v1/wecom/appchats",
                Map.of("round", "轮次-" + tag, "workGroup", "保定市第一组"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(WECOM.received("/cgi-bin/appchat/create")).hasSize(2);
        assertThat(WECOM.accepted("/cgi-bin/appchat/create")).hasSize(1);
        assertThat(WECOM.appChatMembers(created.body().get("chatId").asText()))
                .containsExactlyInAnyOrder(leader(), member());

        // busy for longer than a user is kept waiting: a few attempts, then a clear refusal, nothing bound
        WECOM.reset();
        WECOM.alwaysFail("/cgi-bin/appchat/create", Fault.errcode(-1));
        Answer refused = call("POST", "/api/v1/wecom/appchats",
                Map.of("round", "轮次-" + tag, "workGroup", "保定市第一组"));
        WECOM.clearFaults();
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.body().get("message").asText()).startsWith("企业微信繁忙，10 秒内尝试")
                .contains("请稍后再试").contains("-1");
        assertThat(WECOM.received("/cgi-bin/appchat/create")).hasSizeBetween(2, 5);
        assertThat(WECOM.accepted("/cgi-bin/appchat/create")).isEmpty();

        // no answer at all: WeCom may have created it, so it is not created again
        WECOM.reset();
        WECOM.failNext("/cgi-bin/appchat/create", Fault.timeout(), 1);
        Answer timedOut = call("POST", "/api/v1/wecom/appchats",
                Map.of("round", "轮次-" + tag, "workGroup", "保定市第一组"));
        assertThat(timedOut.status()).isEqualTo(502);
        assertThat(WECOM.received("/cgi-bin/appchat/create")).hasSize(1);
        assertThat(WECOM.violations()).isEmpty();
    }
}
