package cn.mee.liaison.bot.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.mee.liaison.bot.channel.wecom.fake.FakeWeCom;
import cn.mee.liaison.bot.deadline.Deadlines;
import cn.mee.liaison.bot.directory.DirectoryDocument;
import cn.mee.liaison.bot.directory.DirectoryDocument.Chat;
import cn.mee.liaison.bot.directory.DirectoryDocument.Member;
import cn.mee.liaison.bot.directory.DirectoryDocument.WorkGroup;
import cn.mee.liaison.bot.directory.DirectoryImport;
import cn.mee.liaison.bot.notice.NoticeRequest;
import cn.mee.liaison.bot.notice.NoticeTargets;
import cn.mee.liaison.bot.notice.Notices;
import cn.mee.liaison.bot.support.ExpectedReminders;
import cn.mee.liaison.bot.support.BotContexts;
import cn.mee.liaison.bot.support.NoticeReach;
import cn.mee.liaison.bot.support.ProxiedDatabase;
import cn.mee.liaison.bot.support.TestOrganisation;
import cn.mee.liaison.storage.support.StoredTime;
import cn.mee.liaison.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two clustered instances share one database; one of them crashes in the middle of the work. The crash is made as
 * close to a {@code kill -9} as one JVM allows: instance A reaches the database only through a {@link
 * cn.mee.liaison.bot.support.TcpProxy}, which is cut for good halfway — A can no longer record, claim, check in or
 * commit anything, its open transactions are rolled back by the server, and whatever it had sent to WeCom but not
 * yet recorded stays claimed until the claim lapses. (Its threads go on running and failing, which a dead process's
 * would not; they reach nothing.) Instance B carries on alone: the deadline reminders (ticked every second by Quartz
 * while the clock moves a day at a time) are each claimed and sent once, and the notice A was sending reaches every
 * chat, at most the rows A had in flight twice.
 */
class InstanceCrashTest {

    private static final int CUSTOM = 8;
    private static final int CHATS = 60;
    private static final int SENDERS = 8;
    private static final String CORP = "ww-crash";
    private static final String SECRET = "crash-secret-1";

    private final MutableClock clock = MutableClock.at(LocalDateTime.of(2026, 12, 16, 12, 0));
    private final FakeWeCom wecom = FakeWeCom.start(clock).corp(CORP, SECRET);
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final TestOrganisation org = new TestOrganisation(tag);
    private final ProxiedDatabase database = ProxiedDatabase.create();
    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    @AfterEach
    void stop() {
        database.proxy().restore(); // so that the crashed instance's context can at least close
        running.forEach(ConfigurableApplicationContext::close);
        wecom.close();
        database.close();
    }

    private ConfigurableApplicationContext start(String name, Map<String, String> connection) {
        Map<String, Object> properties = BotContexts.clusterMember("crash-" + tag + "-" + name,
                "liaison-crash-" + tag, connection);
        properties.putAll(BotContexts.wecomApp(wecom, CORP, SECRET));
        properties.put("liaison.deadlines.tick-cron", "* * * * * ?");
        properties.put("spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval", "1000");
        properties.put("liaison.outbox.poll-interval", "200ms");
        properties.put("liaison.outbox.senders", String.valueOf(SENDERS));
        // twenty group-chat messages a minute of the clock: the notice takes three of the test's days
        properties.put("liaison.pacing.app-api-per-minute", "20");
        ConfigurableApplicationContext context = BotContexts.start(properties, clock);
        running.add(context);
        return context;
    }

    @Test
    void whenOneOfTwoInstancesCrashesTheOtherSendsEveryReminderOnceAndFinishesTheOutbox() {
        ConfigurableApplicationContext a = start("a", database.proxiedProperties());
        ConfigurableApplicationContext b = start("b", database.directProperties());
        JdbcTemplate jdbc = b.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE WHERE SCHED_NAME = ?",
                Integer.class, "liaison-crash-" + tag)).as("two instances in the cluster").isEqualTo(2);

        wecom.member(org.coordinatorA()).member("coord-b-" + tag).member(org.leader()).member(org.member())
                .member(org.otherCityMember()).member(org.staff()).member("center-lead-" + tag);
        DirectoryDocument base = org.document();
        List<WorkGroup> groups = new ArrayList<>(base.workGroups());
        for (int i = 0; i < CHATS; i++) {
            String x = "c-a-" + i + "-" + tag;
            String y = "c-b-" + i + "-" + tag;
            wecom.appChat(chat(i), List.of(x, y));
            groups.add(new WorkGroup("崩溃组" + i, org.cityB(), org.unitB(), "ORDINARY", org.round(),
                    List.of(new Member(x, "甲" + i, "LEADER"), new Member(y, "乙" + i, "MEMBER")),
                    List.of(new Chat("WECOM_APPCHAT", chat(i), null, null))));
        }
        a.getBean(DirectoryImport.class).apply(new DirectoryDocument(base.units(), base.cities(), base.rounds(),
                groups, base.bureauChats(), base.bureauStaff()), "test", "test");
        Deadlines deadlines = a.getBean(Deadlines.class);
        Map<Long, LocalDate> due = new HashMap<>();
        for (int i = 0; i < CUSTOM; i++) {
            LocalDate day = LocalDate.of(2026, 12, 18).plusDays(i);
            due.put(deadlines.addCustom("崩溃测试事项" + i, day, org.unitA(), null, "test").id(), day);
        }
        Instant known = clock.instant();

        long notice = 0;
        Set<String> inFlight = new HashSet<>();
        for (LocalDate day = LocalDate.of(2026, 12, 17); !day.isAfter(LocalDate.of(2026, 12, 31));
             day = day.plusDays(1)) {
            if (day.equals(LocalDate.of(2026, 12, 22))) {
                notice = a.getBean(Notices.class).send(new NoticeRequest("崩溃演练", "请各组核对本周督办清单。", "text",
                        new NoticeTargets(null, null, null, null, null, chats()), false, null), "test");
            }
            if (day.equals(LocalDate.of(2026, 12, 24))) {
                crash(a);
                inFlight.addAll(jdbc.queryForList("SELECT target_id FROM outbox_message WHERE status = 'SENDING'",
                        String.class));
            }
            awaitNoSendInFlight(jdbc, inFlight);
            clock.set(day.atTime(9, 0, 30));
            Instant now = clock.instant();
            int remind = due.values().stream().mapToInt(d -> ExpectedReminders.by(d, known, now)).sum();
            int escalate = (int) due.values().stream().filter(d -> !now.isBefore(ExpectedReminders.at(d.plusDays(1)))).count();
            try {
                await("the reminders of " + day).atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200))
                        .until(() -> ExpectedReminders.claimed(jdbc, due, "REMIND") == remind
                                && ExpectedReminders.claimed(jdbc, due, "ESCALATE") == escalate);
            } catch (AssertionError | RuntimeException e) {
                for (String q : List.of("SELECT * FROM information_schema.PROCESSLIST",
                        "SELECT * FROM information_schema.INNODB_TRX", "SELECT * FROM QRTZ_SCHEDULER_STATE",
                        "SELECT * FROM QRTZ_FIRED_TRIGGERS", "SELECT TRIGGER_NAME, TRIGGER_STATE, NEXT_FIRE_TIME, "
                                + "PREV_FIRE_TIME FROM QRTZ_TRIGGERS")) {
                    try {
                        System.out.println("DIAG " + q + ": " + jdbc.queryForList(q));
                    } catch (RuntimeException ignored) {
                        System.out.println("DIAG " + q + ": " + ignored);
                    }
                }
                throw e;
            }
        }
        long id = notice;
        await("the outbox drained").atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (b.getBean(Notices.class).view(id).counts().sent() == CHATS && jdbc.queryForObject(
                    "SELECT COUNT(*) FROM outbox_message WHERE status <> 'SENT' AND target_id LIKE ?", Integer.class,
                    "%" + tag) == 0) {
                return true;
            }
            if (sendsInFlight(jdbc, inFlight) == 0) {
                // the pace opens again, A's claims lapse — in steps shorter than half a claim's 60 s lease: a row a
                // live instance claims just after the check sees one step at most before the next check holds the
                // clock, and still has the half lease left that its worker asks for before it sends
                clock.set(LocalDateTime.now(clock).plusSeconds(20));
            }
            return false;
        });

        // each claimed reminder became one message per recipient, and went out
        for (int i = 0; i < CUSTOM; i++) {
            String title = "崩溃测试事项" + i;
            Integer messages = jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE target_id = ? AND "
                    + "purpose = 'REMINDER' AND content LIKE ?", Integer.class, org.coordinatorA(), "%" + title + "（%");
            Integer claimed = jdbc.queryForObject("SELECT COUNT(*) FROM deadline_reminder r JOIN deadline d "
                    + "ON d.id = r.deadline_id WHERE d.title = ? AND r.kind = 'REMIND'", Integer.class, title);
            assertThat(messages).as(title).isEqualTo(claimed).isPositive();
        }
        assertThat(jdbc.queryForList("SELECT target_id, content FROM outbox_message WHERE purpose = 'REMINDER' "
                + "GROUP BY target_id, content HAVING COUNT(*) > 1")).as("no reminder twice").isEmpty();

        // the notice: every chat, at most the rows in flight at the crash twice (the groups also get their unit's
        // quarterly reminders)
        NoticeReach reached = NoticeReach.of(wecom, "请各组核对本周督办清单");
        reached.assertOnceSaveInFlight(CHATS, inFlight, SENDERS);
        assertThat(wecom.violations()).isEmpty();
        Integer reminders = jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE purpose = 'REMINDER'",
                Integer.class);
        System.out.print(String.format(
                "FAULT-REPORT instance crash (%s): 2 clustered instances, A cut off from the database on "
                        + "day 8 of 15; %d reminders claimed in all, each once, B alone after the crash "
                        + "(%d reminder messages, "
                        + "duplicates 0); notice to %d chats: %d rows claimed when A crashed, reached once %d, twice "
                        + "%d, never %d%n",
                database.isMysql() ? "MariaDB" : "H2 over TCP",
                ExpectedReminders.claimed(jdbc, due, "REMIND") + ExpectedReminders.claimed(jdbc, due, "ESCALATE"),
                reminders, CHATS, inFlight.size(), CHATS - reached.twice().size(), reached.twice().size(),
                CHATS - reached.chats()));
    }

    /**
     * A stops as a killed process would, as far as one JVM allows: its database connections are reset and no new one
     * gets through. Its Quartz scheduler is stopped without waiting as well: Quartz keeps its connection providers in a
     * JVM-wide registry by scheduler name, and clustered instances share that name, so in one JVM both schedulers use
     * the connections of the instance started last (B's) — cutting A's database would not stop A's Quartz. Stopped,
     * it no longer checks in, and B takes it for failed after the check-in interval and 7.5 s, as it would a dead
     * process.
     */
    private void crash(ConfigurableApplicationContext a) {
        database.proxy().cut();
        try {
            a.getBean(Scheduler.class).shutdown(false);
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until the live instances have no send in flight: a claim lasts 60 s of the clock, so moving the clock a
     * day while a row is being sent would make its claim lapse mid-send and send it again — an artefact of the test's
     * clock, not of the crash (a real send ends within its 10 s timeout, well inside the lease). A claim committed
     * just after this check and so overtaken by the move is not sent by its worker, whose claim has lapsed by then
     * ({@code OutboxClaims.stillHeld}); the row goes to the next claim.
     */
    private void awaitNoSendInFlight(JdbcTemplate jdbc, Set<String> crashed) {
        await("no send in flight").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> sendsInFlight(jdbc, crashed) == 0);
    }

    /** Rows claimed by a live instance, the claim not lapsed (a lapsed one is no one's: the next claim takes it). */
    private long sendsInFlight(JdbcTemplate jdbc, Set<String> crashed) {
        return jdbc.queryForList("SELECT target_id FROM outbox_message WHERE status = 'SENDING' AND claimed_until > ?",
                String.class, StoredTime.toColumn(clock.instant())).stream()
                .filter(target -> !crashed.contains(target)).count();
    }

    private List<String> chats() {
        return java.util.stream.IntStream.range(0, CHATS).mapToObj(this::chat).toList();
    }

    private String chat(int i) {
        return "crash-" + i + "-" + tag;
    }
}
