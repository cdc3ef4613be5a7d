package cn.mee.liaison.bot.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.mee.liaison.bot.channel.wecom.SignedCallbacks;
import cn.mee.liaison.bot.channel.wecom.crypto.WeComCipher;
import cn.mee.liaison.bot.channel.wecom.fake.Fault;
import cn.mee.liaison.bot.channel.wecom.fake.FakeWeCom;
import cn.mee.liaison.bot.channel.wecom.fake.Recorded;
import cn.mee.liaison.bot.directory.DirectoryDocument;
import cn.mee.liaison.bot.directory.DirectoryDocument.Chat;
import cn.mee.liaison.bot.directory.DirectoryDocument.Member;
import cn.mee.liaison.bot.directory.DirectoryDocument.WorkGroup;
import cn.mee.liaison.bot.directory.DirectoryImport;
import cn.mee.liaison.bot.notice.NoticeRequest;
import cn.mee.liaison.bot.notice.NoticeTargets;
import cn.mee.liaison.bot.notice.Notices;
import cn.mee.liaison.bot.support.BotContexts;
import cn.mee.liaison.bot.support.ProxiedDatabase;
import cn.mee.liaison.testsupport.OffsetClock;
import cn.mee.liaison.testsupport.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database goes away for 30 s in the middle of a load of intelligent-robot callbacks (a TCP proxy between the
 * bot and its database resets every connection and refuses new ones), and comes back. The test plays WeCom: it
 * sends signed, encrypted callbacks at a steady pace, gives up on an answer after 5 s as WeCom does, and delivers
 * every message that was not answered 200 again, with the same msgid, until it is. The bot is never restarted.
 *
 * <p>Verdicts: no callback is answered 200 while the database is unreachable; every message is filed exactly once
 * after the recovery; the outbox delivers what was waiting (a notice held back by 45009 before the outage, the
 * answers that missed their callback) and the Quartz scheduler fires again.
 */
class DatabaseOutageTest {

    private static final String TOKEN = "outageToken1";
    private static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789OUTAGEx";
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("liaison.faults.outage-seconds", 30));
    /** The load: one new message every PACE, starting LEAD before the outage and ending TAIL after it. */
    private static final Duration PACE = Duration.ofMillis(250);
    private static final Duration LEAD = Duration.ofSeconds(8);
    private static final Duration TAIL = Duration.ofSeconds(8);
    /** WeCom gives up on an answer after 5 s. */
    private static final Duration PLATFORM_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REDELIVERY_PAUSE = Duration.ofSeconds(1);
    private static final int HOOKS = 10;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .executor(Executors.newCachedThreadPool(r -> {
                Thread thread = new Thread(r, "outage-http");
                thread.setDaemon(true);
                return thread;
            })).build();

    private final OffsetClock clock = OffsetClock.shanghai();
    private final FakeWeCom wecom = FakeWeCom.start(clock);
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private ProxiedDatabase database;
    private final WeComCipher cipher = new WeComCipher(TOKEN, KEY, "");
    private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    private ConfigurableApplicationContext bot;

    /** One delivery of a callback: when it went out, when its answer came (or WeCom gave up), and the status. */
    record Attempt(String msgId, long startNanos, long endNanos, int status) {
        static final int NO_ANSWER = -1;
    }

    @BeforeEach
    void networkedDatabase() {
        // The embedded H2 lives inside the bot's own process: it cannot go away on its own. H2 served over TCP can,
        // but its broken connections fail with a state (90121) the pool does not take for a lost connection, so the
        // pool would keep handing them out — a trait of that test setup, not of a deployment. So: MariaDB/MySQL only.
        assumeTrue(TestDatabase.mysqlAvailable(), "the database outage needs a networked database: set "
                + TestDatabase.MYSQL_URL_VARIABLE);
        database = ProxiedDatabase.create();
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        wecom.close();
        if (database != null) {
            database.close();
        }
    }

    @Test
    void callbacksDuringAnOutageAreRefusedAndAllAreFiledOnceAfterItWithoutARestart() throws Exception {
        Map<String, Object> properties = BotContexts.base("outage-" + tag);
        properties.putAll(database.proxiedProperties());
        properties.put("liaison.wecom.api-base-url", wecom.apiBaseUrl());
        properties.put("liaison.wecom.robot.token", TOKEN);
        properties.put("liaison.wecom.robot.encoding-aes-key", KEY);
        properties.put("liaison.wecom.robot.bot-id", "bot-outage");
        properties.put("liaison.wecom.robot.reply-budget", "2s");
        properties.put("liaison.wecom.http.request-timeout", "2s");
        properties.put("liaison.outbox.poll-interval", "200ms");
        properties.put("liaison.deadlines.tick-cron", "* * * * * ?");
        bot = BotContexts.start(properties, clock);
        int port = bot.getBean(Environment.class).getRequiredProperty("local.server.port", Integer.class);
        JdbcTemplate jdbc = bot.getBean(JdbcTemplate.class);

        organisation();
        // a notice to ten webhook chats is waiting in the outbox when the database goes: the platform said 45009
        for (int i = 0; i < HOOKS; i++) {
            wecom.webhookKey(hookKey(i));
        }
        wecom.alwaysFail("/cgi-bin/webhook/send", Fault.errcode(45009));
        long notice = bot.getBean(Notices.class).send(new NoticeRequest("停电演练", "请各组核对本周督办清单。", "text",
                new NoticeTargets(null, null, null, null, null, hookChats()), false, null), "test");
        await().atMost(Duration.ofSeconds(20)).until(() -> wecom.received("/cgi-bin/webhook/send").size() >= HOOKS);

        SignedCallbacks callbacks = new SignedCallbacks("http://127.0.0.1:" + port, cipher, clock);
        ScheduledExecutorService feeder = Executors.newScheduledThreadPool(2);
        ExecutorService platform = Executors.newCachedThreadPool();
        List<Future<?>> deliveries = new CopyOnWriteArrayList<>();
        long startNanos = System.nanoTime();
        long cutNanos = startNanos + LEAD.toNanos();
        long restoreNanos = cutNanos + OUTAGE.toNanos();
        int messages = (int) ((LEAD.plus(OUTAGE).plus(TAIL)).toMillis() / PACE.toMillis());
        for (int i = 0; i < messages; i++) {
            String msgId = "outage-" + i + "-" + tag;
            String body = robotText(msgId, text(i));
            feeder.schedule(() -> deliveries.add(platform.submit(() -> deliverUntilAccepted(callbacks, msgId, body))),
                    i * PACE.toMillis(), TimeUnit.MILLISECONDS);
        }
        feeder.schedule(() -> database.proxy().cut(), cutNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        // while the database is away the platform recovers: the notice can go once the database is back
        feeder.schedule(wecom::clearFaults, cutNanos + OUTAGE.toNanos() / 2 - System.nanoTime(),
                TimeUnit.NANOSECONDS);
        feeder.schedule(() -> database.proxy().restore(), restoreNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        Instant restoredAt = Instant.now().plusNanos(restoreNanos - System.nanoTime());
        // when Quartz fires first after the recovery: watched from the restore on (a measurement, not a verdict)
        CompletableFuture<Long> quartzBack = new CompletableFuture<>();
        feeder.schedule(() -> {
            while (!quartzBack.isDone()) {
                try {
                    Long fired = jdbc.queryForObject("SELECT MAX(PREV_FIRE_TIME) FROM QRTZ_TRIGGERS WHERE "
                            + "TRIGGER_NAME = 'deadline-reminders'", Long.class);
                    if (fired != null && fired > restoredAt.toEpochMilli()) {
                        quartzBack.complete(fired);
                    }
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException notYet) {
                    // the pool is still reconnecting
                }
            }
        }, restoreNanos - System.nanoTime(), TimeUnit.NANOSECONDS);

        await("every message answered 200").atMost(LEAD.plus(OUTAGE).plus(TAIL).plus(Duration.ofSeconds(60)))
                .pollInterval(Duration.ofMillis(500)).until(() -> deliveries.size() == messages
                        && deliveries.stream().allMatch(Future::isDone));
        for (Future<?> delivery : deliveries) {
            delivery.get();
        }
        long allAcceptedNanos = attempts.stream().mapToLong(Attempt::endNanos).max().orElseThrow();
        long quartzBackMillis = quartzBack.get(60, TimeUnit.SECONDS) - restoredAt.toEpochMilli();
        feeder.shutdownNow();
        platform.shutdownNow();

        // not one 200 while the database could not be reached: an attempt made and answered within the outage
        List<Attempt> during = attempts.stream()
                .filter(a -> a.startNanos() > cutNanos && a.endNanos() < restoreNanos).toList();
        assertThat(during).as("callbacks tried during the outage").isNotEmpty();
        assertThat(during).as("none answered 200 while the database was away").noneMatch(a -> a.status() == 200);

        // every message filed, each once
        Map<String, Integer> filed = new HashMap<>();
        jdbc.query("SELECT external_id, COUNT(*) AS n FROM filed_message WHERE chat_id = ? GROUP BY external_id",
                rs -> {
                    filed.put(rs.getString("external_id"), rs.getInt("n"));
                }, chat());
        assertThat(filed).hasSize(messages);
        assertThat(filed.values()).containsOnly(1);

        // the outbox resumed by itself: the notice went out once to every webhook, the answers that missed their
        // callback went through response_url; nothing is left waiting or failed
        clock.advance(Duration.ofMinutes(3)); // the 45009 backoff waits at least a minute of the platform's time
        await("the outbox drained").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE status <> 'SENT'",
                        Integer.class) == 0);
        Map<String, Long> hooks = wecom.accepted("/cgi-bin/webhook/send").stream()
                .collect(Collectors.groupingBy(r -> r.query().get("key"), Collectors.counting()));
        assertThat(hooks).hasSize(HOOKS);
        assertThat(hooks.values()).containsOnly(1L);
        assertThat(bot.getBean(Notices.class).view(notice).counts().sent()).isEqualTo(HOOKS);
        List<Recorded> responses = wecom.accepted("/cgi-bin/aibot/response");
        Integer viaOutbox = jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE channel = 'WECOM_ROBOT' "
                + "AND status = 'SENT'", Integer.class);
        assertThat(wecom.violations()).isEmpty();

        // and Quartz fires again, on its own
        await("a Quartz trigger fires after the recovery").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    Long fired = jdbc.queryForObject("SELECT MAX(PREV_FIRE_TIME) FROM QRTZ_TRIGGERS WHERE "
                            + "TRIGGER_NAME = 'deadline-reminders'", Long.class);
                    return fired != null && fired > restoredAt.toEpochMilli();
                });

        long refused = attempts.stream().filter(a -> a.status() != 200).count();
        Map<Integer, Long> statuses = attempts.stream().collect(Collectors.groupingBy(Attempt::status,
                Collectors.counting()));
        long firstOkAfter = attempts.stream().filter(a -> a.status() == 200 && a.endNanos() > restoreNanos)
                .mapToLong(Attempt::endNanos).min().orElseThrow();
        System.out.print(String.format(
                "FAULT-REPORT database outage (%s, %d s): %d messages, %d callback attempts, %d not "
                        + "answered 200 (by status, -1 = no answer within 5 s: %s), %d attempts within the outage, "
                        + "none 200; filed %d, duplicates 0; first 200 %.1f s after the database came back, all "
                        + "answered %.1f s after; notice to %d webhooks sent once each after the recovery; %d answers "
                        + "through the outbox (%d via response_url); proxy refused %d connections; Quartz "
                        + "fired again %.1f s after the recovery%n",
                "MariaDB/MySQL", OUTAGE.toSeconds(), messages, attempts.size(),
                refused, statuses, during.size(), filed.size(), (firstOkAfter - restoreNanos) / 1e9,
                (allAcceptedNanos - restoreNanos) / 1e9, HOOKS, viaOutbox, responses.size(),
                database.proxy().connectionsRefused(), quartzBackMillis / 1e3));
    }

    private void deliverUntilAccepted(SignedCallbacks callbacks, String msgId, String body) {
        while (true) {
            SignedCallbacks.Signed signed = callbacks.robot(body);
            long start = System.nanoTime();
            int status = post(signed);
            attempts.add(new Attempt(msgId, start, System.nanoTime(), status));
            if (status == 200) {
                return;
            }
            try {
                Thread.sleep(REDELIVERY_PAUSE.toMillis()); // the platform's own pause before it delivers again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The status of the answer, or {@link Attempt#NO_ANSWER} when none came within WeCom's 5 s. */
    private int post(SignedCallbacks.Signed signed) {
        String query = "msg_signature=" + signed.signature() + "&timestamp=" + signed.timestamp() + "&nonce="
                + URLEncoder.encode(signed.nonce(), StandardCharsets.UTF_8);
        int port = bot.getBean(Environment.class).getRequiredProperty("local.server.port", Integer.class);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/wecom/robot/callback?" + query)).timeout(PLATFORM_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(signed.body(), StandardCharsets.UTF_8)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (HttpTimeoutException e) {
            return Attempt.NO_ANSWER;
        } catch (IOException e) {
            return Attempt.NO_ANSWER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Attempt.NO_ANSWER;
        }
    }

    private void organisation() {
        List<WorkGroup> groups = new ArrayList<>();
        groups.add(new WorkGroup("保定市第一组", "保定市", "单位", "ORDINARY", round(),
                List.of(new Member("zhangsan-" + tag, "张三", "LEADER"), new Member(member(), "李四", "MEMBER")),
                List.of(new Chat("WECOM_ROBOT", chat(), null, null))));
        for (int i = 0; i < HOOKS; i++) {
            groups.add(new WorkGroup("推送组" + i, "保定市", "单位", "ORDINARY", round(),
                    List.of(new Member("hook-" + i + "-" + tag, "王" + i, "LEADER")),
                    List.of(new Chat("WECOM_WEBHOOK", hookChats().get(i), hookKey(i), null))));
        }
        bot.getBean(DirectoryImport.class).apply(new DirectoryDocument(
                List.of(new DirectoryDocument.Unit("单位", null)),
                List.of(new DirectoryDocument.City("保定市", "单位", List.of())),
                List.of(new DirectoryDocument.Round(round(), "2026-11-01", "2026-12-31")), groups, List.of(),
                List.of()), "test", "test");
    }

    private static String text(int i) {
        return switch (i % 3) {
            case 0 -> "收到";
            case 1 -> "日报 检查企业" + (i % 9 + 1) + "家，发现问题1个，督办问题核查0个，明日计划：复查";
            default -> "问题 某公司料场未苫盖，扬尘明显，第" + i + "号";
        };
    }

    private String robotText(String msgId, String text) {
        return "{\"msgid\":\"" + msgId + "\",\"aibotid\":\"bot-outage\",\"chatid\":\"" + chat()
                + "\",\"chattype\":\"group\",\"from\":{\"userid\":\"" + member() + "\"},\"response_url\":\""
                + wecom.newResponseUrl() + "\",\"msgtype\":\"text\",\"text\":{\"content\":\"" + text + "\"}}";
    }

    private String round() {
        return "停电轮-" + tag;
    }

    private String chat() {
        return "outage-chat-" + tag;
    }

    private String member() {
        return "lisi-" + tag;
    }

    private List<String> hookChats() {
        return java.util.stream.IntStream.range(0, HOOKS).mapToObj(i -> "hook-chat-" + i + "-" + tag).toList();
    }

    private String hookKey(int i) {
        return "outage-key-" + i + "-" + tag;
    }

}
