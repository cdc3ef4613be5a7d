package cn.mee.liaison.bot.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.mee.liaison.bot.directory.DirectoryDocument;
import cn.mee.liaison.bot.support.RunningBot;
import cn.mee.liaison.bot.support.TestOrganisation;
import cn.mee.liaison.storage.audit.AuditLogMapper;
import cn.mee.liaison.testsupport.OffsetClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Unified push through the API and the chat, on the sandbox: targets and preview, delivery to every chat, the
 * acknowledgements (收到, a quote of the notice), and the two follow-ups with the clock moved, not slept.
 */
@Import(NoticesTest.TestClock.class)
@TestPropertySource(properties = {"liaison.notices.follow-up-interval=200ms", "liaison.outbox.poll-interval=200ms",
        "liaison.notices.ack-reminder-after=2h", "liaison.notices.ack-escalate-after=4h"})
class NoticesTest extends RunningBot {

    static final OffsetClock CLOCK = OffsetClock.shanghai();

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        Clock noticeClock() {
            return CLOCK;
        }
    }

    @Autowired
    AuditLogMapper audit;
    @Autowired
    Scheduler scheduler;
    @Autowired
    JdbcTemplate jdbc;

    private TestOrganisation org;

    @BeforeEach
    void organisation() {
        org = new TestOrganisation(UUID.randomUUID().toString().substring(0, 8));
        assertThat(call("PUT", "/api/v1/directory", org.document()).status()).isEqualTo(200);
    }

    private Map<String, Object> targetsOfBothCities() {
        return Map.of("cities", List.of(org.cityA(), org.cityB()));
    }

    private long send(String title, Map<String, Object> targets, boolean requireAck) {
        Answer created = call("POST", "/api/v1/notices", Map.of("title", title, "content", "请各组于今日18时前报送本周工作小结。",
                "format", "text", "targets", targets, "requireAck", requireAck));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private JsonNode notice(long id) {
        return call("GET", "/api/v1/notices/" + id, null).body();
    }

    private List<String> botSaid(String chatId) {
        List<String> texts = new ArrayList<>();
        call("GET", "/api/v1/sandbox/chats/" + chatId + "/messages", null).body()
                .forEach(line -> texts.add(line.get("text").asText()));
        return texts;
    }

    private void say(String chatId, String userId, String text, String quote) {
        Map<String, Object> message = new java.util.HashMap<>(Map.of("chatId", chatId, "userId", userId,
                "text", text));
        if (quote != null) {
            message.put("quote", quote);
        }
        assertThat(call("POST", "/api/v1/sandbox/messages", message).status()).isEqualTo(200);
    }

    @Test
    void thePreviewSaysWhichChatsAndDoorsAndTheNoticeReachesEachOnce() {
        JsonNode preview = call("POST", "/api/v1/notices/preview", Map.of("cities", List.of(org.cityA()),
                "kinds", List.of("CENTRAL"), "chatIds", List.of(org.bureauChat()))).body();
        assertThat(preview.get("total").asInt()).isEqualTo(2);
        assertThat(preview.get("byDoor").get("模拟群聊").asInt()).isEqualTo(2);
        assertThat(preview.get("chats").findValuesAsText("chatId")).containsExactlyInAnyOrder(org.centralChat(),
                org.bureauChat());

        long id = send("本周工作小结", targetsOfBothCities(), false);
        await().atMost(Duration.ofSeconds(20)).until(() -> notice(id).get("status").asText().equals("COMPLETED"));
        JsonNode notice = notice(id);
        assertThat(notice.get("deliveries")).hasSize(3);
        assertThat(notice.get("deliveries").findValuesAsText("chatId")).containsExactlyInAnyOrder(org.centralChat(),
                org.ordinaryChat(), org.otherCityChat());
        notice.get("deliveries").forEach(d -> {
            assertThat(d.get("status").asText()).isEqualTo("SENT");
            assertThat(d.get("channel").asText()).isEqualTo("SANDBOX");
            assertThat(d.get("attempts").asInt()).isEqualTo(1);
            assertThat(d.get("sentAt").asText()).endsWith("+08:00");
        });
        for (String chat : List.of(org.centralChat(), org.ordinaryChat(), org.otherCityChat())) {
            assertThat(botSaid(chat)).containsExactly("【通知】本周工作小结\n请各组于今日18时前报送本周工作小结。");
        }
        assertThat(botSaid(org.bureauChat())).isEmpty();
        assertThat(audit.count("NOTICE_SENT", "admin", null, null)).isPositive();
    }

    @Test
    void badNoticesAreRefusedNamingTheField() {
        Answer unknownCity = call("POST", "/api/v1/notices", Map.of("title", "t", "content", "c",
                "targets", Map.of("cities", List.of("不存在市"))));
        assertThat(unknownCity.status()).isEqualTo(400);
        assertThat(unknownCity.body().get("message").asText()).contains("不存在市");
        Answer noTitle = call("POST", "/api/v1/notices", Map.of("content", "c", "targets", Map.of("all", true)));
        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(noTitle.body().get("message").asText()).contains("title");
        Answer badTime = call("POST", "/api/v1/notices", Map.of("title", "t", "content", "c",
                "targets", Map.of("all", true), "sendAt", "明天"));
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.body().get("message").asText()).contains("sendAt");
        assertThat(call("GET", "/api/v1/notices/99999999", null).status()).isEqualTo(404);
    }

    @Test
    void receivedAndQuotesAcknowledgeAndTheSilentAreRemindedThenTheirCoordinatorTold() {
        long older = send("十一月调度安排", targetsOfBothCities(), true);
        long newer = send("本周小结报送", targetsOfBothCities(), true);
        await().atMost(Duration.ofSeconds(20)).until(() -> notice(newer).get("status").asText().equals("COMPLETED")
                && notice(older).get("status").asText().equals("COMPLETED"));

        say(org.ordinaryChat(), org.member(), "收到", null); // the newest waiting notice
        say(org.centralChat(), "center-lead-" + org.tag(), "好的，马上落实", "【通知】十一月调度安排 请各组……"); // a quote
        JsonNode acked = deliveries(newer, org.ordinaryChat());
        assertThat(acked.get("ackedAt").asText()).isNotBlank();
        assertThat(acked.get("ackedBy").asText()).isEqualTo("李四");
        assertThat(deliveries(older, org.centralChat()).get("ackedAt").asText()).isNotBlank();
        assertThat(deliveries(newer, org.centralChat()).get("ackedAt").isNull()).as("written, as null").isTrue();
        assertThat(notice(newer).get("counts").get("acknowledged").asInt()).isEqualTo(1);

        CLOCK.advance(Duration.ofHours(2).plusMinutes(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> botSaid(org.centralChat()).stream()
                .anyMatch(t -> t.startsWith("【回执提醒】") && t.contains("本周小结报送")));
        assertThat(botSaid(org.ordinaryChat())).noneMatch(t -> t.contains("【回执提醒】") && t.contains("本周小结报送"));
        assertThat(botSaid(org.otherCityChat())).filteredOn(t -> t.startsWith("【回执提醒】")).hasSize(2);

        CLOCK.advance(Duration.ofHours(2));
        await().atMost(Duration.ofSeconds(20)).until(() -> toldPersonally(org.coordinatorA()).stream()
                .anyMatch(t -> t.contains("本周小结报送")));
        String told = toldPersonally(org.coordinatorA()).stream().filter(t -> t.contains("本周小结报送")).findFirst()
                .orElseThrow();
        assertThat(told).contains("保定市中心组").doesNotContain("保定市第一组");
        assertThat(toldPersonally("coord-b-" + org.tag())).anyMatch(t -> t.contains("廊坊市第一组"));
        // each stage happened once
        CLOCK.advance(Duration.ofHours(1));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> true);
        assertThat(toldPersonally(org.coordinatorA()).stream().filter(t -> t.contains("本周小结报送"))).hasSize(1);
    }

    @Test
    void eachChatIsFollowedUpFromWhenItsNoticeWentOut() {
        long id = send("夜查安排待回执", Map.of("chatIds", List.of(org.centralChat(), org.ordinaryChat())), true);
        await().atMost(Duration.ofSeconds(20)).until(() -> notice(id).get("status").asText().equals("COMPLETED"));
        // the first group's notice went out three hours after the other's (as after retries, or a re-send)
        String rowOfOrdinary = "SELECT o.id FROM outbox_message o JOIN notice_delivery d ON d.id = o.delivery_id"
                + " WHERE d.notice_id = ? AND d.chat_id = ?";
        long row = jdbc.queryForObject(rowOfOrdinary, Long.class, id, org.ordinaryChat());
        Timestamp sent = jdbc.queryForObject("SELECT sent_at FROM outbox_message WHERE id = ?", Timestamp.class, row);
        jdbc.update("UPDATE outbox_message SET sent_at = ? WHERE id = ?",
                Timestamp.from(sent.toInstant().plus(Duration.ofHours(3))), row);

        CLOCK.advance(Duration.ofHours(2).plusMinutes(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> reminded(org.centralChat(), "夜查安排待回执") == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                reminded(org.ordinaryChat(), "夜查安排待回执") == 0);

        CLOCK.advance(Duration.ofHours(3)); // 5 h after the first, 2 h after the late one
        await().atMost(Duration.ofSeconds(20)).until(() -> reminded(org.ordinaryChat(), "夜查安排待回执") == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> told(org.coordinatorA(), "夜查安排待回执").size() == 1);
        assertThat(told(org.coordinatorA(), "夜查安排待回执").get(0)).contains("保定市中心组")
                .doesNotContain("保定市第一组");

        CLOCK.advance(Duration.ofHours(2)); // 4 h after the late one
        await().atMost(Duration.ofSeconds(20)).until(() -> told(org.coordinatorA(), "夜查安排待回执").size() == 2);
        assertThat(told(org.coordinatorA(), "夜查安排待回执").get(1)).contains("保定市第一组")
                .doesNotContain("保定市中心组");
        assertThat(reminded(org.centralChat(), "夜查安排待回执")).as("each stage once per chat").isEqualTo(1);
    }

    private long reminded(String chatId, String title) {
        return botSaid(chatId).stream().filter(t -> t.startsWith("【回执提醒】") && t.contains(title)).count();
    }

    private List<String> told(String userId, String title) {
        return toldPersonally(userId).stream().filter(t -> t.contains(title)).toList();
    }

    private JsonNode deliveries(long notice, String chatId) {
        for (JsonNode d : notice(notice).get("deliveries")) {
            if (d.get("chatId").asText().equals(chatId)) {
                return d;
            }
        }
        throw new AssertionError("no delivery to " + chatId);
    }

    private List<String> toldPersonally(String userId) {
        List<String> texts = new ArrayList<>();
        call("GET", "/api/v1/sandbox/users/" + userId + "/messages", null).body()
                .forEach(line -> texts.add(line.get("text").asText()));
        return texts;
    }

    @Test
    void aScheduledNoticeCanBeCancelledAndFailedChatsResent() {
        Answer scheduled = call("POST", "/api/v1/notices", Map.of("title", "定时通知", "content", "明早九点视频调度会",
                "targets", targetsOfBothCities(), "sendAt", CLOCK.instant().plus(Duration.ofHours(12)).toString()));
        long id = scheduled.body().get("id").asLong();
        assertThat(notice(id).get("status").asText()).isEqualTo("SCHEDULED");
        notice(id).get("deliveries").forEach(d -> {
            assertThat(d.get("status").asText()).isEqualTo("PENDING");
            assertThat(d.has("sentAt") && d.get("sentAt").isNull()).as("sentAt written, as null").isTrue();
            assertThat(d.has("ackedAt") && d.get("ackedAt").isNull()).as("ackedAt written, as null").isTrue();
        });
        assertThat(call("POST", "/api/v1/notices/" + id + "/cancel", null).body().get("cancelled").asInt())
                .isEqualTo(3);
        assertThat(notice(id).get("status").asText()).isEqualTo("CANCELLED");
        notice(id).get("deliveries").forEach(d -> {
            // the contract's keys, all of them, and its statuses only; the whole state beside them
            assertThat(d.get("status").asText()).isEqualTo("FAILED");
            assertThat(d.get("state").asText()).isEqualTo("CANCELLED");
            assertThat(d.has("sentAt") && d.get("sentAt").isNull()).isTrue();
            assertThat(d.has("ackedAt") && d.get("ackedAt").isNull()).isTrue();
            assertThat(d.get("attempts").asInt()).isZero();
        });
        assertThat(audit.count("NOTICE_CANCELLED", "admin", null, null)).isPositive();

        // a chat on a door that is not configured here fails, with the reason, and can be sent again
        DirectoryDocument doc = org.document();
        List<DirectoryDocument.Chat> bureau = new ArrayList<>(doc.bureauChats());
        bureau.add(new DirectoryDocument.Chat("WECOM_APPCHAT", "appchat-" + org.tag(), null, "应用群"));
        assertThat(call("PUT", "/api/v1/directory", new DirectoryDocument(doc.units(), doc.cities(), doc.rounds(),
                doc.workGroups(), bureau, doc.bureauStaff())).status()).isEqualTo(200);
        long failing = send("发往应用群", Map.of("chatIds", List.of("appchat-" + org.tag())), false);
        await().atMost(Duration.ofSeconds(20)).until(() -> notice(failing).get("counts").get("failed").asInt() == 1);
        assertThat(deliveries(failing, "appchat-" + org.tag()).get("lastError").asText()).contains("自建应用");
        assertThat(call("POST", "/api/v1/notices/" + failing + "/resend-failed", null).body().get("resent").asInt())
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                deliveries(failing, "appchat-" + org.tag()).get("attempts").asInt() == 2);
        assertThat(audit.count("NOTICE_RESENT", "admin", null, null)).isPositive();
    }

    @Test
    void markedTypicalCasesArePushedToAllGroupsOnTheQuartzSchedule() throws Exception {
        say(org.ordinaryChat(), org.leader(), "案例 标题：某公司在线监测数据造假案\n内容：现场发现该公司篡改在线监测设备参数，已移交地方依法查处。",
                null);
        long caseId = call("GET", "/api/v1/messages?chatId=" + org.ordinaryChat() + "&type=TYPICAL_CASE", null)
                .body().get("items").get(0).get("id").asLong();
        assertThat(call("POST", "/api/v1/messages/" + caseId + "/share", null).body().get("marked").asBoolean())
                .isTrue();
        assertThat(call("POST", "/api/v1/messages/" + caseId + "/share", null).body().get("marked").asBoolean())
                .isFalse();
        say(org.ordinaryChat(), org.member(), "收到", null);
        long chat = call("GET", "/api/v1/messages?chatId=" + org.ordinaryChat() + "&type=ACK", null).body()
                .get("items").get(0).get("id").asLong();
        assertThat(call("POST", "/api/v1/messages/" + chat + "/share", null).status()).isEqualTo(400);

        CronTrigger trigger = (CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey("typical-case-digest",
                "recurring"));
        assertThat(trigger.getCronExpression()).isEqualTo("0 0 16 ? * FRI");
        assertThat(trigger.getTimeZone().getID()).isEqualTo("Asia/Shanghai");
        scheduler.triggerJob(JobKey.jobKey("typical-case-digest", "recurring"));
        await().atMost(Duration.ofSeconds(15)).until(() -> botSaid(org.otherCityChat()).stream()
                .anyMatch(t -> t.contains("典型案例推送") && t.contains("某公司在线监测数据造假案")));
        String digest = botSaid(org.centralChat()).stream().filter(t -> t.contains("典型案例推送")).findFirst()
                .orElseThrow();
        assertThat(digest).contains("保定市第一组").contains("篡改在线监测设备参数");

        // nothing newly marked: the next run pushes nothing
        scheduler.triggerJob(JobKey.jobKey("typical-case-digest", "recurring"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                botSaid(org.centralChat()).stream().filter(t -> t.contains("典型案例推送")).count() == 1);
    }

    @Test
    void aHundredMarkedCasesGoOutAsSeveralNumberedDigests() throws Exception {
        String detail = "现场检查发现该企业废气收集设施未正常运行，治理设施旁路直排，在线监测数据与台账记录不符，"
                .repeat(4);
        for (int i = 1; i <= 100; i++) {
            say(org.ordinaryChat(), org.leader(), "案例 标题：批量案例" + i + "-" + org.tag() + "\n内容：" + detail, null);
        }
        JsonNode filed = call("GET", "/api/v1/messages?chatId=" + org.ordinaryChat() + "&type=TYPICAL_CASE&size=100",
                null).body().get("items");
        assertThat(filed).hasSize(100);
        filed.forEach(c -> assertThat(call("POST", "/api/v1/messages/" + c.get("id").asLong() + "/share", null)
                .body().get("marked").asBoolean()).isTrue());

        scheduler.triggerJob(JobKey.jobKey("typical-case-digest", "recurring"));
        await().atMost(Duration.ofSeconds(20)).until(() -> digests().size() >= 2);
        List<JsonNode> digests = digests();
        int parts = digests.size();
        assertThat(parts).isBetween(2, 4);
        StringBuilder all = new StringBuilder();
        for (JsonNode digest : digests) {
            assertThat(digest.get("title").asText()).contains("100 例").contains("/" + parts + " 部分");
            assertThat(digest.get("content").asText().length()).isLessThanOrEqualTo(20_000);
            all.append(digest.get("content").asText());
        }
        for (int i = 1; i <= 100; i++) {
            assertThat(all.toString()).containsOnlyOnce("批量案例" + i + "-" + org.tag() + "**");
        }
        assertThat(all.toString()).contains("100. **");
    }

    /** This test's digests of marked cases (the notices' list, newest first). */
    private List<JsonNode> digests() {
        List<JsonNode> found = new ArrayList<>();
        call("GET", "/api/v1/notices?size=100", null).body().forEach(n -> {
            if (n.get("title").asText().startsWith("典型案例推送") && n.get("content").asText().contains(org.tag())) {
                found.add(n);
            }
        });
        return found;
    }

    @Test
    void theBureauPushesFromItsChatAndOthersMayNot() {
        say(org.bureauChat(), org.staff(), "推送 回执 " + org.cityA() + "：请各组今晚开展夜查\n重点是涉VOCs企业", null);
        assertThat(botSaid(org.bureauChat())).last().asString().contains("已推送通知").contains("将送达 2 个群")
                .contains("回复“收到”");
        await().atMost(Duration.ofSeconds(20)).until(() -> botSaid(org.ordinaryChat()).stream()
                .anyMatch(t -> t.contains("请各组今晚开展夜查")));
        assertThat(botSaid(org.otherCityChat())).noneMatch(t -> t.contains("请各组今晚开展夜查"));

        say(org.ordinaryChat(), org.leader(), "推送 全部：测试", null);
        assertThat(botSaid(org.ordinaryChat())).last().asString().contains("仅限执法局工作人员");
        // a member of the bureau's chat who is not listed as bureau staff
        say(org.bureauChat(), "visitor-" + org.tag(), "推送 全部：测试", null);
        assertThat(botSaid(org.bureauChat())).last().asString().contains("仅限执法局工作人员");
        // bureau staff in a work group's chat: told where to do it
        say(org.ordinaryChat(), org.staff(), "推送 全部：测试", null);
        assertThat(botSaid(org.ordinaryChat())).last().asString().contains("请在执法局群中使用").contains("控制台");
        say(org.bureauChat(), org.staff(), "推送 没有冒号的内容", null);
        assertThat(botSaid(org.bureauChat())).last().asString().contains("推送格式");
        say(org.bureauChat(), org.staff(), "推送 定时 明早 全部：测试", null);
        assertThat(botSaid(org.bureauChat())).last().asString().contains("定时 2026-12-03 09:00");
    }

    @Test
    void theBureauSetsATimeForAPushFromItsChat() {
        LocalDate day = LocalDate.ofInstant(CLOCK.instant(), CLOCK.getZone()).plusDays(2);
        say(org.bureauChat(), org.staff(), "推送 定时 " + day + " 09:00 回执 " + org.cityB() + "：明早九点视频调度会", null);
        String reply = botSaid(org.bureauChat()).get(botSaid(org.bureauChat()).size() - 1);
        assertThat(reply).contains("已安排定时通知").contains("将于 " + day.getMonthValue() + "月" + day.getDayOfMonth()
                + "日 09:00 发出").contains("1 个群").contains("模拟群聊 1").contains("回复“收到”");
        Matcher number = Pattern.compile("编号 (\\d+)").matcher(reply);
        assertThat(number.find()).isTrue();
        JsonNode notice = notice(Long.parseLong(number.group(1)));
        assertThat(notice.get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(notice.get("requireAck").asBoolean()).isTrue();
        assertThat(notice.get("sendAt").asText()).isEqualTo(day + "T09:00:00+08:00");
        assertThat(notice.get("deliveries").findValuesAsText("chatId")).containsExactly(org.otherCityChat());

        say(org.bureauChat(), org.staff(), "推送 定时 2020-01-01 09:00 全部：过去的时间", null);
        assertThat(botSaid(org.bureauChat())).last().asString().contains("已经过去");
    }
}
