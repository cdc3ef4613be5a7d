package cn.mee.liaison.bot.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

import cn.mee.liaison.bot.channel.wecom.fake.FakeWeCom;
import cn.mee.liaison.bot.directory.DirectoryDocument;
import cn.mee.liaison.bot.directory.DirectoryDocument.Chat;
import cn.mee.liaison.bot.directory.DirectoryDocument.Member;
import cn.mee.liaison.bot.directory.DirectoryDocument.Round;
import cn.mee.liaison.bot.directory.DirectoryDocument.WorkGroup;
import cn.mee.liaison.bot.support.BotProcess;
import cn.mee.liaison.bot.support.NoticeReach;
import cn.mee.liaison.bot.support.ExpectedReminders;
import cn.mee.liaison.bot.support.TestOrganisation;
import cn.mee.liaison.testsupport.OffsetClock;
import cn.mee.liaison.testsupport.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two bot processes share one MariaDB database, Quartz clustered; one of them is killed with SIGKILL in the middle of
 * a notice while both tick the deadline reminders every second. Unlike {@link InstanceCrashTest} (two instances in
 * one JVM, the crash made by cutting the database), this is the fault as it happens: a process gone, its connections
 * closed by the server, its Quartz scheduler silent. The survivor finishes the notice (each chat once, at most the
 * rows the killed process had in flight twice), takes over the killed one's Quartz state, and goes on reminding: the
 * deadlines added before the kill and after it are each reminded as owed, every reminder claimed once and sent
 * once. On the real clock: the reminders' time of day is set to a minute boundary a little over a minute after the
 * test begins, after the kill as a rule, and every deadline (due that day, the next, in 3 and in 7 days) owes one
 * reminder then. MariaDB only (two processes cannot share the embedded H2 file).
 */
class TwoProcessKillTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int CHATS = 120;
    private static final int SENDERS = BotProcess.SENDERS;
    private static final String CORP = "ww-two";
    private static final String SECRET = "two-secret-1";

    private final OffsetClock clock = OffsetClock.shanghai();
    private final FakeWeCom wecom = FakeWeCom.start(clock).corp(CORP, SECRET);
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final TestOrganisation org = new TestOrganisation(tag);
    private final List<BotProcess> processes = new ArrayList<>();

    @AfterEach
    void stop() {
        processes.forEach(BotProcess::close);
        wecom.close();
    }

    /** The reminders' time of day: the first whole minute at least 100 s from now (the processes start meanwhile). */
    private final LocalDateTime remindAt = LocalDateTime.now(clock.withZone(SHANGHAI)).plusSeconds(100)
            .truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);

    private BotProcess start(String url, String name) {
        Map<String, Object> settings = BotProcess.settings("two-" + tag + "-" + name, wecom, CORP, SECRET);
        settings.put("spring.profiles.active", "mysql");
        settings.put("spring.datasource.url", url);
        settings.put("spring.datasource.username", "root");
        settings.put("spring.datasource.password", "");
        settings.put("liaison.deadlines.tick-cron", "* * * * * ?");
        settings.put("liaison.deadlines.time-of-day", remindAt.toLocalTime().toString());
        settings.put("spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval", "1000");
        // five group-chat messages a second across both processes: the notice takes ~25 s, the kill lands in it
        settings.put("liaison.pacing.app-api-per-minute", "300");
        BotProcess bot = BotProcess.start(settings, BotProcess.target("two-" + tag).resolve(name + ".log"),
                Duration.ofSeconds(180));
        synchronized (processes) {
            processes.add(bot);
        }
        return bot;
    }

    @Test
    void theSurvivorOfTwoProcessesFinishesTheNoticeAndRemindsOnce() {
        assumeTrue(TestDatabase.mysqlAvailable(), "two processes on one database: set "
                + TestDatabase.MYSQL_URL_VARIABLE);
        String url = TestDatabase.freshMysqlDatabase();
        // the first start makes the schema (Flyway), then the second joins the cluster
        BotProcess a = start(url, "a");
        BotProcess b = start(url, "b");
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "root", ""));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE", Integer.class))
                .as("two instances in the cluster").isEqualTo(2);

        wecom.member(org.coordinatorA()).member("coord-b-" + tag).member(org.leader()).member(org.member())
                .member(org.otherCityMember()).member(org.staff()).member("center-lead-" + tag);
        DirectoryDocument base = org.document();
        List<Round> rounds = new ArrayList<>(base.rounds());
        String noticeRound = "双进程轮-" + tag;
        rounds.add(new Round(noticeRound, "2026-01-01", "2027-12-31"));
        List<WorkGroup> groups = new ArrayList<>(base.workGroups());
        for (int i = 0; i < CHATS; i++) {
            String x = "t-a-" + i + "-" + tag;
            String y = "t-b-" + i + "-" + tag;
            wecom.appChat(chat(i), List.of(x, y));
            groups.add(new WorkGroup("双进程组" + i, org.cityB(), org.unitB(), "ORDINARY", noticeRound,
                    List.of(new Member(x, "甲" + i, "LEADER"), new Member(y, "乙" + i, "MEMBER")),
                    List.of(new Chat("WECOM_APPCHAT", chat(i), null, null))));
        }
        a.call("PUT", "/api/v1/directory", new DirectoryDocument(base.units(), base.cities(), rounds, groups,
                base.bureauChats(), base.bureauStaff()), 200);

        Map<Long, LocalDate> due = new LinkedHashMap<>();
        Map<Long, Instant> known = new HashMap<>();
        addDeadlines(a, "杀前事项", due, known);

        long notice = a.call("POST", "/api/v1/notices", Map.of("title", "双进程演练",
                "content", "请各组核对本周夜查清单。", "targets", Map.of("rounds", List.of(noticeRound))), 201)
                .get("id").asLong();
        await("a third of the chats reached").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(5))
                .until(() -> noticeReached().chats() >= CHATS / 3);
        a.kill();
        int beforeKill = noticeReached().chats();
        Set<String> inFlight = new HashSet<>(jdbc.queryForList("SELECT target_id FROM outbox_message "
                + "WHERE status = 'SENDING' AND claimed_by LIKE ?", String.class, a.pid() + "@%"));

        boolean killedBeforeTheReminders = clock.instant().isBefore(reminderInstant());
        addDeadlines(b, "杀后事项", due, known);

        await("the survivor finishes the notice").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> b.call("GET", "/api/v1/notices/" + notice, null, 200).get("counts").get("sent")
                        .asInt() == CHATS);
        await("the survivor takes the killed process out of the cluster").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE", Integer.class) == 1);
        await("every reminder owed claimed, and sent").atMost(Duration.ofSeconds(240))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    return !clock.instant().isBefore(reminderInstant())
                            && ExpectedReminders.claimed(jdbc, due, "REMIND") == owed(known)
                            && jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE purpose = 'REMINDER' "
                            + "AND status <> 'SENT'", Integer.class) == 0;
                });

        // one reminder each, at the time of day set (nothing overdue: no escalation); on a machine slow enough to
        // add the second four after that time, those owe nothing today
        assertThat(owed(known)).as("the first four deadlines were added before " + remindAt).isGreaterThanOrEqualTo(4);
        assertThat(jdbc.queryForList("SELECT remind_at FROM deadline_reminder WHERE kind = 'REMIND'",
                LocalDateTime.class)).containsOnly(remindAt);
        assertThat(ExpectedReminders.claimed(jdbc, due, "ESCALATE")).isZero();
        // every deadline reminded reached the unit's coordinator once (in one letter with the others its tick found)
        for (long id : due.keySet()) {
            String title = jdbc.queryForObject("SELECT title FROM deadline WHERE id = ?", String.class, id);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE target_id = ? AND "
                    + "purpose = 'REMINDER' AND content LIKE ?", Integer.class, org.coordinatorA(), "%" + title + "（%"))
                    .as(title).isEqualTo(known.get(id).isBefore(reminderInstant()) ? 1 : 0);
        }
        assertThat(jdbc.queryForList("SELECT target_id, content FROM outbox_message WHERE purpose = 'REMINDER' "
                + "GROUP BY target_id, content HAVING COUNT(*) > 1")).as("no reminder twice").isEmpty();
        // what the unit's group chats (sandbox chats here) were told: every deadline reminded once in each
        int told = 0;
        for (String chat : List.of(org.centralChat(), org.ordinaryChat())) {
            List<String> said = new ArrayList<>();
            b.call("GET", "/api/v1/sandbox/chats/" + chat + "/messages", null, 200)
                    .forEach(m -> said.add(m.get("text").asText()));
            for (long id : due.keySet()) {
                String title = jdbc.queryForObject("SELECT title FROM deadline WHERE id = ?", String.class, id);
                assertThat(said.stream().filter(text -> text.contains(title + "（")).count()).as(chat + ": " + title)
                        .isEqualTo(known.get(id).isBefore(reminderInstant()) ? 1 : 0);
            }
            told += (int) said.stream().filter(text -> text.contains("【截止提醒】")).count();
        }

        // the notice: every chat, at most the rows the killed process had in flight twice
        NoticeReach reached = noticeReached();
        reached.assertOnceSaveInFlight(CHATS, inFlight, SENDERS);
        assertThat(wecom.violations()).isEmpty();
        System.out.print(String.format("FAULT-REPORT two processes, one killed (MariaDB): process A killed after %d of "
                        + "%d chats had the notice (%d rows claimed by A, unrecorded); B finished it: reached once %d, "
                        + "twice %d, never %d; %d deadlines (half added after the kill), reminded at %s, %s the kill: "
                        + "%d reminders claimed, each once; %d reminder messages in the unit's two chats, no deadline "
                        + "twice%n",
                beforeKill, CHATS, inFlight.size(), CHATS - reached.twice().size(), reached.twice().size(),
                CHATS - reached.chats(),
                due.size(), remindAt.toLocalTime(), killedBeforeTheReminders ? "after" : "before",
                ExpectedReminders.claimed(jdbc, due, "REMIND"), told));
    }

    /** Four deadlines of unit A, due on the reminders' day and 1, 3 and 7 days later: each owes a reminder then. */
    private void addDeadlines(BotProcess bot, String title, Map<Long, LocalDate> due, Map<Long, Instant> known) {
        int[] leads = {0, 1, 3, 7};
        for (int i = 0; i < leads.length; i++) {
            LocalDate day = remindAt.toLocalDate().plusDays(leads[i]);
            Instant before = clock.instant();
            long id = bot.call("POST", "/api/v1/deadlines", Map.of("title", title + i + "-" + tag, "dueDate",
                    day.toString(), "unit", org.unitA()), 201).get("id").asLong();
            due.put(id, day);
            known.put(id, before);
        }
    }

    /**
     * The reminders these deadlines owe once the reminders' time has come: one each for those added before it (its
     * day is their T-0, T-1, T-3 or T-7), none for one added after it (a reminder is never owed from before its
     * deadline was known).
     */
    private int owed(Map<Long, Instant> known) {
        return (int) known.values().stream().filter(at -> at.isBefore(reminderInstant())).count();
    }

    private Instant reminderInstant() {
        return remindAt.atZone(SHANGHAI).toInstant();
    }

    private NoticeReach noticeReached() {
        return NoticeReach.of(wecom, "请各组核对本周夜查清单");
    }

    private String chat(int i) {
        return "two-" + i + "-" + tag;
    }

}
