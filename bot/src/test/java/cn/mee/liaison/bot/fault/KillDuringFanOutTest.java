package cn.mee.liaison.bot.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.mee.liaison.bot.channel.wecom.fake.FakeWeCom;
import cn.mee.liaison.bot.directory.DirectoryDocument;
import cn.mee.liaison.bot.directory.DirectoryDocument.Chat;
import cn.mee.liaison.bot.directory.DirectoryDocument.Member;
import cn.mee.liaison.bot.directory.DirectoryDocument.WorkGroup;
import cn.mee.liaison.bot.support.BotProcess;
import cn.mee.liaison.bot.support.NoticeReach;
import cn.mee.liaison.testsupport.OffsetClock;
import cn.mee.liaison.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} in the middle of a notice to many app group chats: the bot runs as its own process (test
 * classpath, {@code LiaisonBotApplication} as main) on MariaDB (or an H2 file), the fake WeCom in this JVM is the
 * platform. When about a third of the chats have the notice the process is killed with SIGKILL; a second process is
 * started on the same database and finishes the notice. Every chat has it once, except chats whose send was in
 * flight at the kill (sent to WeCom, not yet recorded): those may have it twice. Each sender thread has at most one
 * send in flight, so there are at most as many such chats as the killed process's sender threads
 * ({@code liaison.outbox.senders}, 8); the test asserts that bound and reports how many it saw.
 *
 * <p>The number of chats is {@code -Dliaison.faults.fanout-chats} (default 1000).
 */
class KillDuringFanOutTest {

    private static final int CHATS = Integer.getInteger("liaison.faults.fanout-chats", 1000);
    private static final int SENDERS = BotProcess.SENDERS;
    private static final String CORP = "ww-kill";
    private static final String SECRET = "kill-secret-1";

    private final OffsetClock clock = OffsetClock.shanghai();
    private final FakeWeCom wecom = FakeWeCom.start(clock).corp(CORP, SECRET);
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    /** MariaDB when configured; otherwise the embedded H2 file the bot makes by default, as deployed. */
    private final String url = TestDatabase.mysqlAvailable() ? TestDatabase.freshMysqlDatabase() : null;
    private final List<BotProcess> processes = new ArrayList<>();

    @AfterEach
    void stop() {
        processes.forEach(BotProcess::close);
        wecom.close();
    }

    private BotProcess start(int run) {
        Map<String, Object> settings = BotProcess.settings("kill-" + tag, wecom, CORP, SECRET);
        if (url != null) {
            settings.put("spring.datasource.url", url);
            settings.put("spring.profiles.active", "mysql");
            settings.put("spring.datasource.username", "root");
            settings.put("spring.datasource.password", "");
        }
        BotProcess bot = BotProcess.start(settings, BotProcess.target("kill-" + tag).resolve("bot-" + run + ".log"),
                Duration.ofSeconds(120));
        processes.add(bot);
        return bot;
    }

    @Test
    void aBotKilledMidFanOutAndStartedAgainReachesEveryChatOnceSaveTheRowsInFlight() throws Exception {
        BotProcess first = start(1);
        List<WorkGroup> groups = new ArrayList<>();
        for (int i = 0; i < CHATS; i++) {
            String a = "k-a-" + i + "-" + tag;
            String b = "k-b-" + i + "-" + tag;
            wecom.appChat(chat(i), List.of(a, b));
            groups.add(new WorkGroup("扇出组" + i, "保定市", "单位", "ORDINARY", "杀进程轮",
                    List.of(new Member(a, "甲" + i, "LEADER"), new Member(b, "乙" + i, "MEMBER")),
                    List.of(new Chat("WECOM_APPCHAT", chat(i), null, null))));
        }
        first.call("PUT", "/api/v1/directory", new DirectoryDocument(
                List.of(new DirectoryDocument.Unit("单位", null)),
                List.of(new DirectoryDocument.City("保定市", "单位", List.of())),
                List.of(new DirectoryDocument.Round("杀进程轮", "2026-11-01", "2026-12-31")), groups, List.of(),
                List.of()), 200);

        long started = System.nanoTime();
        JsonNode notice = first.call("POST", "/api/v1/notices", Map.of("title", "强制结束演练",
                "content", "请各组于今日18时前报送本周夜查计划。", "targets", Map.of("rounds", List.of("杀进程轮"))), 201);
        long id = notice.get("id").asLong();
        await("a third of the chats reached").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(5))
                .until(() -> wecom.accepted("/cgi-bin/appchat/send").size() >= CHATS / 3);
        first.kill();
        double killedAfter = (System.nanoTime() - started) / 1e9;
        int beforeKill = wecom.accepted("/cgi-bin/appchat/send").size();

        Set<String> inFlight = inFlightAtTheKill();

        long restarted = System.nanoTime();
        BotProcess second = start(2);
        await("the second process finishes the notice").atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> second.call("GET", "/api/v1/notices/" + id, null, 200).get("counts").get("sent")
                        .asInt() == CHATS);
        double finishedAfter = (System.nanoTime() - restarted) / 1e9;

        NoticeReach reached = NoticeReach.of(wecom, "请各组于今日18时前报送本周夜查计划");
        reached.assertOnceSaveInFlight(CHATS, inFlight, SENDERS);
        assertThat(wecom.violations()).isEmpty();
        System.out.print(String.format(
                "FAULT-REPORT kill -9 mid fan-out (%s): %d chats; killed after %.1f s with %d chats "
                        + "reached (%d rows claimed and unrecorded); second process up and done %.1f s after the "
                        + "restart began; chats reached once %d, twice %d (all among the rows in flight; at most "
                        + "%d allowed, one per sender thread), never %d%n",
                TestDatabase.mysqlAvailable() ? "MariaDB" : "H2 file", CHATS, killedAfter, beforeKill,
                inFlight.size(), finishedAfter, CHATS - reached.twice().size(), reached.twice().size(), SENDERS,
                CHATS - reached.chats()));
    }

    /** The chats whose rows the killed process had claimed (SENDING) and not recorded, read from the database. */
    private Set<String> inFlightAtTheKill() throws SQLException {
        Set<String> chats = new HashSet<>();
        // the embedded database as the bot opens it by default (config/application.yml), now that it is gone
        String database = url != null ? url : "jdbc:h2:file:" + BotProcess.target("kill-" + tag).resolve("liaison")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
        String user = url != null ? "root" : "sa";
        try (Connection connection = DriverManager.getConnection(database, user, "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT target_id FROM outbox_message WHERE status = 'SENDING'")) {
            while (rows.next()) {
                chats.add(rows.getString(1));
            }
        }
        return chats;
    }

    private String chat(int i) {
        return "kill-" + i + "-" + tag;
    }
}
