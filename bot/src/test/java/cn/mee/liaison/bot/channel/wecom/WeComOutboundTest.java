package cn.mee.liaison.bot.channel.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.mee.liaison.bot.channel.wecom.api.AccessTokens;
import cn.mee.liaison.bot.channel.wecom.api.AppApi;
import cn.mee.liaison.bot.channel.wecom.fake.Fault;
import cn.mee.liaison.bot.channel.wechaty.WechatyProperties;
import cn.mee.liaison.bot.channel.wecom.fake.Recorded;
import cn.mee.liaison.bot.directory.DirectoryDocument;
import cn.mee.liaison.bot.directory.DirectoryDocument.Chat;
import cn.mee.liaison.bot.directory.DirectoryDocument.Member;
import cn.mee.liaison.bot.directory.DirectoryDocument.Person;
import cn.mee.liaison.bot.directory.DirectoryDocument.WorkGroup;
import cn.mee.liaison.bot.dispatch.BoardRow;
import cn.mee.liaison.bot.dispatch.DispatchStages;
import cn.mee.liaison.bot.files.FileStore;
import cn.mee.liaison.bot.outbox.Outbox;
import cn.mee.liaison.storage.attachment.Attachment;
import cn.mee.liaison.storage.attachment.AttachmentMapper;
import cn.mee.liaison.storage.attachment.AttachmentStatus;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.message.FiledMessage;
import cn.mee.liaison.storage.outbox.MessageFormat;
import cn.mee.liaison.storage.outbox.OutboxMapper;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import cn.mee.liaison.storage.outbox.OutboxStatus;
import cn.mee.liaison.storage.outbox.Purpose;
import cn.mee.liaison.storage.outbox.TargetType;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the bot sends to WeCom and how it copes: the shared access token (refreshed once, before expiry and when
 * refused), retries on 45009 / -1 / 5xx / timeouts, permanent failures, group-robot webhooks with mentions,
 * pictures and files, answers through response_url when a command is slow, filing held up by the database, and
 * attachments fetched and decrypted. Secrets never reach the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class WeComOutboundTest extends WeComTestBase {

    @Autowired
    Outbox outbox;
    @Autowired
    OutboxMapper rows;
    @Autowired
    AppApi appApi;
    @Autowired
    AccessTokens tokens;
    @Autowired
    WeComProperties properties;
    @Autowired
    ApplicationContext context;
    @Autowired
    FileStore files;
    @Autowired
    AttachmentMapper attachments;
    @Autowired
    TransactionTemplate transactions;

    private long enqueue(Channel channel, TargetType type, String target, MessageFormat format, String content,
                         String mentions) {
        return transactions.execute(status -> outbox.enqueue(List.of(OutboxMessage.pending(channel, type, target,
                format, content, mentions, Purpose.NOTICE, null, CLOCK.instant())))).get(0);
    }

    private OutboxMessage row(long id) {
        return rows.findById(id).orElseThrow();
    }

    private List<Recorded> appChatSends(String chatId) {
        return WECOM.received("/cgi-bin/appchat/send").stream()
                .filter(r -> chatId.equals(r.json().path("chatid").asText())).toList();
    }

    @Test
    void oneSharedTokenIsRefreshedOnceWhenRefusedAndBeforeItExpires() throws Exception {
        appApi.sendToChat(bureauAppChat(), AppApi.payload(MessageFormat.TEXT, "第一条"));
        int afterFirst = WECOM.gettokenCalls();
        for (int i = 0; i < 5; i++) {
            appApi.sendToChat(bureauAppChat(), AppApi.payload(MessageFormat.TEXT, "同一令牌 " + i));
        }
        assertThat(WECOM.gettokenCalls()).isEqualTo(afterFirst);

        WECOM.expireAllTokens();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<Void>> sends = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int n = i;
                sends.add(CompletableFuture.runAsync(() -> appApi.sendToChat(bureauAppChat(),
                        AppApi.payload(MessageFormat.TEXT, "令牌失效后 " + n)), pool));
            }
            sends.forEach(CompletableFuture::join);
        } finally {
            pool.shutdown();
        }
        assertThat(WECOM.gettokenCalls()).as("one refresh for all six callers").isEqualTo(afterFirst + 1);

        // a token is replaced five minutes before it expires, without WeCom having to refuse it
        CLOCK.advance(Duration.ofSeconds(7200 - 240));
        appApi.sendToChat(bureauAppChat(), AppApi.payload(MessageFormat.TEXT, "到期前"));
        assertThat(WECOM.gettokenCalls()).isEqualTo(afterFirst + 2);
        assertThat(WECOM.violations()).isEmpty();
    }

    /**
     * Two instances of the bot (two token stores with their own cache and local lock, on the one database) find the
     * token expired at the same moment: the app's row, locked for the gettoken call, makes one of them wait and
     * take the token the other stored.
     */
    @Test
    void twoInstancesRefreshAnExpiredTokenOnceBetweenThem() throws Exception {
        WeComProperties.App app = properties.app();
        AccessTokens first = tokens;
        AccessTokens second = context.getAutowireCapableBeanFactory().createBean(AccessTokens.class);
        assertThat(second).isNotSameAs(first);
        String old = first.token(app);
        assertThat(second.token(app)).isEqualTo(old);

        CLOCK.advance(Duration.ofSeconds(7200));
        int before = WECOM.gettokenCalls();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<CompletableFuture<String>> got = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                AccessTokens instance = i % 2 == 0 ? first : second;
                got.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return instance.token(app);
                }, pool));
            }
            start.countDown();
            List<String> tokensGot = got.stream().map(CompletableFuture::join).distinct().toList();
            assertThat(tokensGot).as("one token for both instances").hasSize(1).doesNotContain(old);
        } finally {
            pool.shutdown();
        }
        assertThat(WECOM.gettokenCalls()).as("one gettoken between the two instances").isEqualTo(before + 1);
        assertThat(WECOM.violations()).isEmpty();
    }

    @Test
    void anExpiredTokenAndADroppedConnectionOnASendBothEndSentOnce() {
        // 42001 (expired) on the outbox's path: the token is refreshed at once and the send tried again, once
        int tokensBefore = WECOM.gettokenCalls();
        WECOM.failNext("/cgi-bin/appchat/send", Fault.errcode(42001), 1);
        long expired = enqueue(Channel.WECOM_APPCHAT, TargetType.CHAT, bureauAppChat(), MessageFormat.TEXT,
                "令牌过期-" + tag, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> row(expired).status() == OutboxStatus.SENT);
        assertThat(WECOM.gettokenCalls()).as("refreshed on 42001").isGreaterThan(tokensBefore);
        assertThat(acceptedInAppChat("令牌过期-" + tag)).isEqualTo(1);
        // the fake's token had not expired, so gettoken gave the same one again: it is WeCom's current token, used
        // from now on rather than asked for anew at every call
        int tokensAfter = WECOM.gettokenCalls();
        for (int i = 0; i < 3; i++) {
            appApi.sendToChat(bureauAppChat(), AppApi.payload(MessageFormat.TEXT, "令牌照用 " + i));
        }
        assertThat(WECOM.gettokenCalls()).isEqualTo(tokensAfter);

        // the connection dropped without an answer: retried, and delivered once
        WECOM.failNext("/cgi-bin/appchat/send", Fault.drop(), 1);
        long dropped = enqueue(Channel.WECOM_APPCHAT, TargetType.CHAT, bureauAppChat(), MessageFormat.TEXT,
                "连接中断-" + tag, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> row(dropped).status() == OutboxStatus.SENT
                || row(dropped).attempts() == 1 && row(dropped).status() == OutboxStatus.PENDING);
        CLOCK.advance(Duration.ofSeconds(70));
        await().atMost(Duration.ofSeconds(20)).until(() -> row(dropped).status() == OutboxStatus.SENT);
        assertThat(acceptedInAppChat("连接中断-" + tag)).isEqualTo(1);
        assertThat(WECOM.violations()).isEmpty();
    }

    private long acceptedInAppChat(String content) {
        return WECOM.accepted("/cgi-bin/appchat/send").stream()
                .filter(r -> content.equals(r.json().path("text").path("content").asText())).count();
    }

    @Test
    void transientErrorsAreRetriedAndPermanentOnesFailWithTheReason() {
        WECOM.failNext("/cgi-bin/appchat/send", Fault.errcode(45009), 1);
        long limited = enqueue(Channel.WECOM_APPCHAT, TargetType.CHAT, bureauAppChat(), MessageFormat.TEXT, "限频",
                null);
        await().atMost(Duration.ofSeconds(20)).until(() -> row(limited).attempts() == 1
                && row(limited).status() == OutboxStatus.PENDING);
        assertThat(row(limited).lastError()).contains("45009");

        WECOM.failNext("/cgi-bin/appchat/send", Fault.errcode(-1), 1);
        long busy = enqueue(Channel.WECOM_APPCHAT, TargetType.CHAT, bureauAppChat(), MessageFormat.TEXT, "系统繁忙",
                null);
        await().atMost(Duration.ofSeconds(20)).until(() -> row(busy).attempts() == 1);
        WECOM.failNext("/cgi-bin/appchat/send", Fault.http(502), 1);
        long bad = enqueue(Channel.WECOM_APPCHAT, TargetType.CHAT, bureauAppChat(), MessageFormat.TEXT, "网关错误",
                null);
        await().atMost(Duration.ofSeconds(20)).until(() -> row(bad).attempts() == 1);
        WECOM.failNext("/cgi-bin/appchat/send", Fault.timeout(), 1);
        long slow = enqueue(Channel.WECOM_APPCHAT, TargetType.CHAT, bureauAppChat(), MessageFormat.TEXT, "超时",
                null);
        await().atMost(Duration.ofSeconds(20)).until(() -> row(slow).attempts() == 1
                && row(slow).status() == OutboxStatus.PENDING);
        assertThat(row(slow).lastError()).contains("超时");

        // the platform's minute passes: everything goes out, once
        CLOCK.advance(Duration.ofSeconds(70));
        await().atMost(Duration.ofSeconds(20)).until(() -> List.of(limited, busy, bad, slow).stream()
                .allMatch(id -> row(id).status() == OutboxStatus.SENT));
        // each was tried twice: refused (or held past the timeout) once, then accepted
        assertThat(appChatSends(bureauAppChat()).stream().map(r -> r.json().path("text").path("content").asText())
                .filter(c -> List.of("限频", "系统繁忙", "网关错误", "超时").contains(c)))
                .containsExactlyInAnyOrder("限频", "限频", "系统繁忙", "系统繁忙", "网关错误", "网关错误", "超时", "超时");
        assertThat(List.of(limited, busy, bad, slow)).allSatisfy(id -> assertThat(row(id).attempts()).isEqualTo(2));

        long nowhere = enqueue(Channel.WECOM_APPCHAT, TargetType.CHAT, "no-such-chat-" + tag, MessageFormat.TEXT,
                "发往不存在的群", null);
        await().atMost(Duration.ofSeconds(20)).until(() -> row(nowhere).status() == OutboxStatus.FAILED);
        assertThat(row(nowhere).lastError()).contains("86003").startsWith("群聊不存在");
        assertThat(row(nowhere).attempts()).isEqualTo(1);
    }

    /** The dispatch's reminder through a door that can @ (the group robot webhook): the group's leader is @-ed. */
    @Test
    void aDispatchReminderThroughTheGroupRobotWebhookMentionsTheLeader(@Autowired DispatchStages stages) {
        String hook = "center-hook-" + tag;
        String key = "center-key-" + tag;
        WECOM.webhookKey(key);
        DirectoryDocument doc = new DirectoryDocument(
                List.of(new DirectoryDocument.Unit("单位-" + tag, new Person(coordinator(), "王协调"))),
                List.of(new DirectoryDocument.City("保定市-" + tag, "单位-" + tag, List.of())),
                List.of(new DirectoryDocument.Round("轮次-" + tag, "2026-11-01", "2026-12-31")),
                List.of(new WorkGroup("保定市中心组", "保定市-" + tag, "单位-" + tag, "CENTRAL", "轮次-" + tag,
                        List.of(new Member(leader(), "张三", "LEADER"), new Member(member(), "李四", "MEMBER")),
                        List.of(new Chat("WECOM_WEBHOOK", hook, key, null)))),
                List.of(), List.of());
        assertThat(call("PUT", "/api/v1/directory", doc).status()).isEqualTo(200);

        List<BoardRow> reminded = stages.remindNow(LocalDate.of(2026, 12, 1), row -> hook.equals(row.chatId()));
        assertThat(reminded).extracting(r -> r.group().name()).containsExactly("保定市中心组");
        await().atMost(Duration.ofSeconds(20)).until(() -> WECOM.received("/cgi-bin/webhook/send").stream()
                .anyMatch(r -> key.equals(r.query().get("key"))));
        JsonNode sent = WECOM.received("/cgi-bin/webhook/send").stream()
                .filter(r -> key.equals(r.query().get("key"))).map(Recorded::json).findFirst().orElseThrow();
        assertThat(sent.path("text").path("content").asText()).startsWith("【调度提醒】本群12月1日（周二）工作调度尚未报送");
        assertThat(sent.path("text").path("mentioned_list").get(0).asText()).isEqualTo(leader());
    }

    @Test
    void theGroupRobotWebhookTakesTextWithMentionsMarkdownPicturesAndFiles() throws Exception {
        long text = enqueue(Channel.WECOM_WEBHOOK, TargetType.CHAT, bureauHook(), MessageFormat.TEXT, "请各组今日18时前报送日报",
                leader() + ",13800000000");
        long markdown = enqueue(Channel.WECOM_WEBHOOK, TargetType.CHAT, bureauHook(), MessageFormat.MARKDOWN,
                "## 通知\n**今日**报送日报", leader());
        byte[] picture = "PNG-bytes-of-a-site-photo".getBytes(StandardCharsets.UTF_8);
        String picturePath = files.store("outgoing", LocalDate.now(CLOCK), "现场.png", picture).path();
        long image = enqueue(Channel.WECOM_WEBHOOK, TargetType.CHAT, bureauHook(), MessageFormat.IMAGE, picturePath,
                null);
        String filePath = files.store("outgoing", LocalDate.now(CLOCK), "督办清单.xlsx",
                "督办问题清单（第4轮）".getBytes(StandardCharsets.UTF_8)).path();
        long file = enqueue(Channel.WECOM_WEBHOOK, TargetType.CHAT, bureauHook(), MessageFormat.FILE, filePath, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> List.of(text, markdown, image, file).stream()
                .allMatch(id -> row(id).status() == OutboxStatus.SENT));

        List<JsonNode> sent = WECOM.received("/cgi-bin/webhook/send").stream()
                .filter(r -> hookKey().equals(r.query().get("key"))).map(Recorded::json).toList();
        JsonNode textBody = sent.stream().filter(j -> j.path("msgtype").asText().equals("text")).findFirst()
                .orElseThrow();
        assertThat(textBody.path("text").path("mentioned_list").get(0).asText()).isEqualTo(leader());
        assertThat(textBody.path("text").path("mentioned_mobile_list").get(0).asText()).isEqualTo("13800000000");
        JsonNode markdownBody = sent.stream().filter(j -> j.path("msgtype").asText().equals("markdown")).findFirst()
                .orElseThrow();
        assertThat(markdownBody.path("markdown").path("content").asText()).contains("**今日**")
                .contains("<@" + leader() + ">");
        JsonNode imageBody = sent.stream().filter(j -> j.path("msgtype").asText().equals("image")).findFirst()
                .orElseThrow();
        assertThat(Base64.getDecoder().decode(imageBody.path("image").path("base64").asText())).isEqualTo(picture);
        assertThat(imageBody.path("image").path("md5").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(picture)));
        assertThat(sent.stream().anyMatch(j -> j.path("msgtype").asText().equals("file")
                && !j.path("file").path("media_id").asText().isBlank())).isTrue();
        assertThat(WECOM.received("/cgi-bin/webhook/upload_media")).isNotEmpty();
        assertThat(WECOM.violations()).isEmpty();
    }

    @Test
    void webhookMarkdownWithMentionsIsSplitSoThatTheMentionsFitToo() {
        // 4,090 bytes: within markdown's 4,096 alone, not with the mentions the door writes after it
        String content = "## 通知\n" + "督".repeat(1360);
        long first = enqueue(Channel.WECOM_WEBHOOK, TargetType.CHAT, bureauHook(), MessageFormat.MARKDOWN, content,
                leader() + "," + member());
        await().atMost(Duration.ofSeconds(20)).until(() -> row(first).status() == OutboxStatus.SENT
                && markdownSent().size() == 2);
        List<String> parts = markdownSent();
        assertThat(parts).allSatisfy(part -> assertThat(part.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(4096));
        assertThat(parts.get(0)).startsWith("（1/2）").endsWith("<@" + leader() + ">\n<@" + member() + ">");
        assertThat(parts.get(1)).startsWith("（2/2）").doesNotContain("<@");
        assertThat(WECOM.violations()).isEmpty();
    }

    private List<String> markdownSent() {
        return WECOM.received("/cgi-bin/webhook/send").stream()
                .filter(r -> hookKey().equals(r.query().get("key")) && r.json().has("markdown"))
                .map(r -> r.json().path("markdown").path("content").asText()).toList();
    }

    @Test
    void aSlowAnswerIsAcknowledgedAtOnceAndFollowsThroughResponseUrl() throws Exception {
        // a search is answered apart from its filing (it may read much): the callback waits for the filing only
        answering = new CountDownLatch(1);
        try {
            SignedCallbacks.Answer answer = robot.post("/wecom/robot/callback",
                    robot.robot(robotText("slow-" + tag, "查询 扬尘")));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEmpty();
            assertThat(filed(robotChat())).isEqualTo(1);
        } finally {
            answering.countDown();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> !WECOM.received("/cgi-bin/aibot/response").isEmpty());
        JsonNode reply = WECOM.received("/cgi-bin/aibot/response").get(0).json();
        assertThat(reply.path("msgtype").asText()).isEqualTo("markdown");
        assertThat(reply.path("markdown").path("content").asText()).contains("没有找到符合条件的记录");
        assertThat(WECOM.violations()).isEmpty();
    }

    @Test
    void aQuickAnswerThatStallsHasTheCallbackDeliveredAgainAndIsAnsweredOnce() throws Exception {
        // a record is filed and answered in one transaction: while its answer stalls nothing is committed, so the
        // callback is refused (WeCom delivers it again); the stalled work then commits, the delivery again finds the
        // message filed, and the reply follows through the response_url, once
        String body = robotText("stall-" + tag, "问题 某某建材有限公司 物料露天堆放未苫盖，扬尘污染");
        answering = new CountDownLatch(1);
        SignedCallbacks.Answer refused;
        try {
            refused = robot.post("/wecom/robot/callback", robot.robot(body));
        } finally {
            answering.countDown();
        }
        assertThat(refused.status()).isEqualTo(503);
        await().atMost(Duration.ofSeconds(20)).until(() -> filed(robotChat()) == 1);
        SignedCallbacks.Answer again = robot.post("/wecom/robot/callback", robot.robot(body));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEmpty();
        await().atMost(Duration.ofSeconds(20)).until(() -> !WECOM.received("/cgi-bin/aibot/response").isEmpty());
        assertThat(WECOM.received("/cgi-bin/aibot/response")).singleElement().satisfies(reply -> assertThat(
                reply.json().path("markdown").path("content").asText()).contains("已登记【发现问题】"));
        assertThat(filed(robotChat())).isEqualTo(1);
        assertThat(WECOM.violations()).isEmpty();
    }

    @Test
    void aCallbackTheDatabaseCannotFileInTimeIsRefusedAndFiledWhenDeliveredAgain() throws Exception {
        String body = robotText("locked-" + tag, "收到");
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread locker = new Thread(() -> transactions.executeWithoutResult(status -> {
            messages.insert(new FiledMessage(null, Channel.WECOM_ROBOT, robotChat(),
                    cn.mee.liaison.storage.message.ChatType.GROUP, "locked-" + tag, null,
                    null, null, null, null, null, cn.mee.liaison.storage.message.RecordType.CHAT,
                    cn.mee.liaison.storage.message.ContentKind.TEXT, "held", java.util.Map.of(), "{}",
                    CLOCK.instant(), false));
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            status.setRollbackOnly();
        }));
        locker.start();
        holding.await();
        double refusedBefore = refusedCount("503");
        SignedCallbacks.Answer refused = robot.post("/wecom/robot/callback", robot.robot(body));
        release.countDown();
        locker.join();
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refusedCount("503")).as("the pipeline's refusal counted like the guard's")
                .isEqualTo(refusedBefore + 1);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(robot.post("/wecom/robot/callback", robot.robot(body)).status()).isEqualTo(200));
        assertThat(filed(robotChat())).isEqualTo(1);
        assertThat(messages.findByExternalId(Channel.WECOM_ROBOT, "locked-" + tag).orElseThrow().text())
                .isEqualTo("收到");
    }

    @Test
    void picturesAndFilesThatArriveAreFetchedDecryptedAndKept() throws Exception {
        byte[] photo = "现场照片的字节".getBytes(StandardCharsets.UTF_8);
        String url = WECOM.robotMedia(photo, ROBOT_KEY);
        String body = "{\"msgid\":\"pic-" + tag + "\",\"aibotid\":\"bot-1\",\"chatid\":\"" + robotChat()
                + "\",\"chattype\":\"group\","
                + "\"from\":{\"userid\":\"" + member() + "\"},\"msgtype\":\"mixed\",\"mixed\":{\"msg_item\":["
                + "{\"msgtype\":\"text\",\"text\":{\"content\":\"问题 某厂露天堆放\"}},"
                + "{\"msgtype\":\"image\",\"image\":{\"url\":\"" + url + "\"}}]}}";
        assertThat(robot.post("/wecom/robot/callback", robot.robot(body)).status()).isEqualTo(200);
        long robotMessage = messages.findByExternalId(Channel.WECOM_ROBOT, "pic-" + tag).orElseThrow().id();
        await().atMost(Duration.ofSeconds(20)).until(() -> attachments.findByMessage(robotMessage).stream()
                .allMatch(a -> a.status() == AttachmentStatus.STORED));
        Attachment stored = attachments.findByMessage(robotMessage).get(0);
        assertThat(files.read(stored.storedPath())).isEqualTo(photo);
        assertThat(stored.kind()).isEqualTo("IMAGE");

        byte[] scan = new byte[] {9, 8, 7, 6, 5};
        WECOM.media("media-" + tag, scan, "督办单.pdf");
        String xml = "<xml><ToUserName><![CDATA[" + CORP + "]]></ToUserName><FromUserName><![CDATA[" + member()
                + "]]></FromUserName><CreateTime>" + CLOCK.instant().getEpochSecond() + "</CreateTime>"
                + "<MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://x]]></PicUrl><MediaId><![CDATA[media-"
                + tag + "]]></MediaId><MsgId>appimg-" + tag + "</MsgId><AgentID>1000002</AgentID></xml>";
        assertThat(app.post("/wecom/app/callback", app.app(xml, CORP, 1000002)).status()).isEqualTo(200);
        long appMessage = messages.findByExternalId(Channel.WECOM_APP, "appimg-" + tag).orElseThrow().id();
        await().atMost(Duration.ofSeconds(20)).until(() -> attachments.findByMessage(appMessage).stream()
                .allMatch(a -> a.status() == AttachmentStatus.STORED));
        Attachment kept = attachments.findByMessage(appMessage).get(0);
        assertThat(files.read(kept.storedPath())).isEqualTo(scan);
        assertThat(kept.fileName()).isEqualTo("督办单.pdf");
    }

    @Test
    void anAttachmentOverTheSizeLimitIsNotKeptAndItsRecordSaysSo() {
        String url = WECOM.robotMedia(new byte[100 * 1024], ROBOT_KEY); // the tests' limit is 64 KB
        String body = "{\"msgid\":\"bigpic-" + tag + "\",\"aibotid\":\"bot-1\",\"chatid\":\"" + robotChat()
                + "\",\"chattype\":\"group\","
                + "\"from\":{\"userid\":\"" + member() + "\"},\"msgtype\":\"image\",\"image\":{\"url\":\"" + url
                + "\"}}";
        assertThat(robot.post("/wecom/robot/callback", robot.robot(body)).status()).isEqualTo(200);
        long message = messages.findByExternalId(Channel.WECOM_ROBOT, "bigpic-" + tag).orElseThrow().id();
        await().atMost(Duration.ofSeconds(20)).until(() -> attachments.findByMessage(message).stream()
                .allMatch(a -> a.status() == AttachmentStatus.FAILED));
        Attachment refused = attachments.findByMessage(message).get(0);
        assertThat(refused.storedPath()).isNull();
        assertThat(refused.attempts()).isEqualTo(1);
        assertThat(refused.lastError()).contains("超过 64 KB 上限").contains("未保存");
    }

    @Test
    void settingsShowWhetherSecretsAreSetNeverTheirValues() {
        WeComProperties settings = new WeComProperties(null, new WeComProperties.Robot(ROBOT_TOKEN, ROBOT_KEY,
                "bot-1", "robot-secret-1", null, null, null, null, null, null, null),
                new WeComProperties.App(CORP, "1000002", APP_SECRET, APP_TOKEN, APP_KEY), null, null);
        assertThat(settings.toString()).doesNotContain(ROBOT_TOKEN).doesNotContain(ROBOT_KEY)
                .doesNotContain("robot-secret-1").doesNotContain(APP_SECRET).doesNotContain(APP_TOKEN)
                .doesNotContain(APP_KEY).contains("bot-1").contains(CORP).contains("******");
        WechatyProperties wechaty = new WechatyProperties("127.0.0.1:8788", "puppet-token-1", false, null, null,
                null, null, null, null, null);
        assertThat(wechaty.toString()).doesNotContain("puppet-token-1").contains("127.0.0.1:8788");
    }

    @Test
    void secretsNeverReachTheLog(CapturedOutput output) {
        WECOM.expireAllTokens();
        appApi.sendToChat(bureauAppChat(), AppApi.payload(MessageFormat.TEXT, "日志检查"));
        CLOCK.advance(Duration.ofMinutes(1)); // refusals of a kind are logged once a minute, and others came before
        robot.post("/wecom/robot/callback", robot.robot(robotText("log-" + tag, "帮助")).withSignature("0".repeat(40)));
        assertThat(output.getAll()).doesNotContain(APP_SECRET).doesNotContain(ROBOT_KEY).doesNotContain(APP_KEY)
                .doesNotContain(ROBOT_TOKEN).doesNotContain(hookKey()).contains("refused a ROBOT callback");
    }
}
