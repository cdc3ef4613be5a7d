package cn.mee.liaison.bot.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import cn.mee.liaison.bot.support.TestOrganisation;
import cn.mee.liaison.testsupport.MutableClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two instances on one database (MariaDB when LIAISON_TEST_MYSQL_URL is set, otherwise H2 served over TCP) send one
 * notice to many chats behind one group-robot webhook — one pacing bucket — at once, both polling the outbox. The
 * clock stands still while they send and moves a minute at a time: the fake WeCom receives no more than 20 for the
 * webhook in any minute, whichever instance sends, and every chat gets the notice once.
 */
class WebhookPacingAcrossInstancesTest {

    private static final int CHATS = 50;
    private static final int PER_MINUTE = 20;
    private static final String CORP = "ww-pace";
    private static final String SECRET = "pace-secret-1";

    private final MutableClock clock = MutableClock.at(LocalDateTime.of(2026, 12, 16, 10, 0));
    private final FakeWeCom wecom = FakeWeCom.start(clock).corp(CORP, SECRET);
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final String key = "pace-key-" + tag;
    private final TestOrganisation org = new TestOrganisation(tag);
    private final ProxiedDatabase database = ProxiedDatabase.create();
    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    @AfterEach
    void stop() {
        running.forEach(ConfigurableApplicationContext::close);
        wecom.close();
        database.close();
    }

    private ConfigurableApplicationContext start(String name) {
        Map<String, Object> properties = BotContexts.clusterMember("pace-" + tag + "-" + name,
                "liaison-pace-" + tag, database.directProperties());
        properties.putAll(BotContexts.wecomApp(wecom, CORP, SECRET));
        properties.put("liaison.outbox.poll-interval", "100ms");
        // small batches, so that both instances hold claims on the notice's rows at the same time
        properties.put("liaison.outbox.batch-size", "5");
        ConfigurableApplicationContext context = BotContexts.start(properties, clock);
        running.add(context);
        return context;
    }

    @Test
    void twoInstancesSendingToOneWebhookStayUnderTwentyAMinuteTogether() {
        ConfigurableApplicationContext a = start("a");
        ConfigurableApplicationContext b = start("b");
        JdbcTemplate jdbc = b.getBean(JdbcTemplate.class);
        wecom.webhookKey(key);
        DirectoryDocument base = org.document();
        List<WorkGroup> groups = new ArrayList<>(base.workGroups());
        for (int i = 0; i < CHATS; i++) {
            groups.add(new WorkGroup("限频组" + i, org.cityB(), org.unitB(), "ORDINARY", org.round(),
                    List.of(new Member("p-" + i + "-" + tag, "甲" + i, "LEADER")),
                    List.of(new Chat("WECOM_WEBHOOK", chat(i), key, null))));
        }
        a.getBean(DirectoryImport.class).apply(new DirectoryDocument(base.units(), base.cities(), base.rounds(),
                groups, base.bureauChats(), base.bureauStaff()), "test", "test");

        long id = a.getBean(Notices.class).send(new NoticeRequest("限频演练", "请各组核对本周夜查安排。", "text",
                new NoticeTargets(null, null, null, null, null,
                        IntStream.range(0, CHATS).mapToObj(this::chat).toList()), false, null), "test");

        // a minute at a time: the pair of instances sends what the webhook's minute allows, and no more
        for (int minute = 1; sent().size() < CHATS; minute++) {
            assertThat(minute).as("minutes needed").isLessThanOrEqualTo(CHATS / PER_MINUTE + 1);
            int expected = Math.min(CHATS, minute * PER_MINUTE);
            await("minute " + minute).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> sent().size() >= expected && claimed(jdbc) == 0);
            await("nothing more in minute " + minute).during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> sent().size() == expected);
            clock.set(LocalDateTime.now(clock).plusSeconds(61));
        }

        List<Instant> times = requests(wecom.received("/cgi-bin/webhook/send")).stream().map(Recorded::at).sorted()
                .toList();
        assertThat(times).as("requests to the webhook").hasSize(CHATS);
        assertThat(mostInAMinute(times)).as("requests in any minute").isLessThanOrEqualTo(PER_MINUTE);
        // one request per chat and every chat's row sent: none twice, none lost
        await("the notice complete").atMost(Duration.ofSeconds(10))
                .until(() -> a.getBean(Notices.class).view(id).counts().sent() == CHATS);
        assertThat(wecom.violations()).isEmpty();
        double byA = sentBy(a);
        double byB = sentBy(b);
        assertThat(byA + byB).isEqualTo(CHATS);
        System.out.printf("PACING-REPORT two instances (%s), one webhook, %d chats: sent by A %.0f, by B %.0f; "
                        + "most in any minute %d over %s%n", database.isMysql() ? "MariaDB" : "H2", CHATS, byA, byB,
                mostInAMinute(times), Duration.between(times.get(0), times.get(times.size() - 1)));
    }

    /** The notice's requests to the webhook the fake WeCom accepted. */
    private List<Recorded> sent() {
        return requests(wecom.accepted("/cgi-bin/webhook/send"));
    }

    /** Every request to the webhook the fake WeCom received, accepted or not. */
    private List<Recorded> requests(List<Recorded> recorded) {
        return recorded.stream().filter(r -> key.equals(r.query().get("key"))).toList();
    }

    /** The notice's rows claimed and not recorded yet. */
    private int claimed(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE status = 'SENDING' AND target_id LIKE ?",
                Integer.class, "%" + tag);
    }

    private static double sentBy(ConfigurableApplicationContext bot) {
        Counter sent = bot.getBean(MeterRegistry.class).find("liaison.outbox.deliveries")
                .tags("channel", "WECOM_WEBHOOK", "outcome", "sent").counter();
        return sent == null ? 0 : sent.count();
    }

    /** The most requests in any minute that starts at one of them. */
    private static int mostInAMinute(List<Instant> times) {
        int most = 0;
        for (Instant start : times) {
            Instant end = start.plusSeconds(60);
            most = Math.max(most, (int) times.stream().filter(t -> !t.isBefore(start) && t.isBefore(end)).count());
        }
        return most;
    }

    private String chat(int i) {
        return "pace-" + i + "-" + tag;
    }
}
