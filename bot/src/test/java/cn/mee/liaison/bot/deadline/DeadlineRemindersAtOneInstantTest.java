package cn.mee.liaison.bot.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mee.liaison.bot.support.RunningBot;
import cn.mee.liaison.bot.support.TestOrganisation;
import cn.mee.liaison.storage.support.StoredTime;
import cn.mee.liaison.testsupport.MutableClock;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Many deadlines reminded at one instant (every one has a lead time ending at 09:00 of the same day): one tick claims
 * each reminder once, in batches claimed side by side, with the right messages (one per recipient and batch); two
 * ticks at once still claim each once; a deadline done or put off before the tick gets nothing. Real database, the clock moved by hand.
 */
@Import(DeadlineRemindersAtOneInstantTest.TestClock.class)
@TestPropertySource(properties = {"liaison.deadlines.reminder-batch-size=" + DeadlineRemindersAtOneInstantTest.BATCH,
        "liaison.deadlines.claim-threads=3"})
class DeadlineRemindersAtOneInstantTest extends RunningBot {

    static final int DEADLINES = 1000;
    /** Batches small enough that a tick claims several, three at a time. */
    static final int BATCH = 150;
    static final int[] LEAD_DAYS = {0, 1, 3, 7, 14};
    static final MutableClock CLOCK = MutableClock.at(LocalDateTime.of(2026, 12, 1, 8, 0));

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        Clock deadlineClock() {
            return CLOCK;
        }
    }

    @Autowired
    DeadlineReminders reminders;
    @Autowired
    Deadlines deadlines;
    @Autowired
    JdbcTemplate jdbc;

    private TestOrganisation org;

    @BeforeEach
    void organisation() {
        org = new TestOrganisation(UUID.randomUUID().toString().substring(0, 8));
        assertThat(call("PUT", "/api/v1/directory", org.document()).status()).isEqualTo(200);
    }

    /** {@link #DEADLINES} deadlines of unit A added at 08:00 of the day, each with a reminder at 09:00 that day. */
    private Map<Long, String> addDeadlines(LocalDate day) {
        CLOCK.set(day.atTime(8, 0));
        Map<Long, String> titles = new HashMap<>();
        for (int i = 0; i < DEADLINES; i++) {
            String title = "批量事项" + org.tag() + "-" + i;
            titles.put(deadlines.addCustom(title, day.plusDays(LEAD_DAYS[i % LEAD_DAYS.length]), org.unitA(), null,
                    "test").id(), title);
        }
        return titles;
    }

    private Map<Long, List<Instant>> claims(Set<Long> ids) {
        Map<Long, List<Instant>> claims = new HashMap<>();
        jdbc.query("SELECT r.deadline_id, r.remind_at FROM deadline_reminder r JOIN deadline d ON d.id = r.deadline_id"
                        + " WHERE d.title LIKE ? AND r.kind = 'REMIND'",
                rs -> {
                    claims.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getTimestamp(2).toInstant());
                }, "批量事项" + org.tag() + "-%");
        assertThat(claims.keySet()).as("only these deadlines are reminded").isSubsetOf(ids);
        return claims;
    }

    /**
     * What was said about each deadline (by title), each as "target: line": the line of the message that names it
     * (one message lists every deadline of a batch reminded to the same recipient).
     */
    private Map<String, List<String>> messages() {
        Map<String, List<String>> said = new HashMap<>();
        Pattern title = Pattern.compile("批量事项" + org.tag() + "-\\d+");
        jdbc.query("SELECT target_id, content FROM outbox_message WHERE purpose = 'REMINDER' AND content LIKE ?"
                + " ORDER BY id", rs -> {
                    for (String line : rs.getString(2).split("\n")) {
                        Matcher m = title.matcher(line);
                        while (m.find()) {
                            said.computeIfAbsent(m.group(), t -> new ArrayList<>()).add(rs.getString(1) + ": " + line);
                        }
                    }
                }, "%批量事项" + org.tag() + "-%");
        return said;
    }

    /** The reminder messages that name this test's deadlines. */
    private int letters() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE purpose = 'REMINDER' AND content LIKE ?",
                Integer.class, "%批量事项" + org.tag() + "-%");
    }

    /** Reminders and escalations claimed by the ticks at {@code now}, each deadline and kind once: what they sent. */
    private int claimedAt(Instant now) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT DISTINCT deadline_id, kind FROM deadline_reminder "
                + "WHERE sent_at = ?) c", Integer.class, StoredTime.toColumnText(now));
    }

    private static Instant nineOn(LocalDate day) {
        return day.atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    /** Each deadline open at the tick reminded once for 09:00, with one message to each of its unit's recipients. */
    private void assertRemindedOnce(Map<Long, String> titles, Set<Long> silent, LocalDate day) {
        Map<Long, List<Instant>> claims = claims(titles.keySet());
        Map<String, List<String>> said = messages();
        for (Map.Entry<Long, String> deadline : titles.entrySet()) {
            String title = deadline.getValue();
            if (silent.contains(deadline.getKey())) {
                assertThat(claims).as(title + ": done or put off").doesNotContainKey(deadline.getKey());
                assertThat(said).as(title).doesNotContainKey(title);
                continue;
            }
            assertThat(claims.get(deadline.getKey())).as(title).containsExactly(nineOn(day));
            assertThat(said.get(title)).as(title).hasSize(3).allSatisfy(m ->
                    assertThat(m).contains(title + "（" + org.unitA() + "）").contains("（编号 " + deadline.getKey() + "）"));
            assertThat(said.get(title)).extracting(m -> m.substring(0, m.indexOf(": "))).as(title)
                    .containsExactlyInAnyOrder(org.coordinatorA(), org.centralChat(), org.ordinaryChat());
        }
        assertThat(said.get("批量事项" + org.tag() + "-3")).first().asString().contains("还有7天");
        assertThat(said.get("批量事项" + org.tag() + "-5")).first().asString().contains("今天（");
        assertThat(letters()).as("one message per recipient and batch, each listing its deadlines, not one per deadline")
                .isLessThanOrEqualTo(3 * 2 * (DEADLINES / BATCH + 2));
        assertThat(jdbc.queryForList("SELECT content FROM outbox_message WHERE purpose = 'REMINDER' AND content LIKE ?",
                String.class, "%批量事项" + org.tag() + "-%")).allSatisfy(letter -> assertThat(letter)
                .matches("(?s)【截止提醒】以下\\d+项事项需要办理：\n1\\. .*")
                .endsWith("\n如需延后提醒，回复\u201c延后 3天\u201d（以上全部）或\u201c延后 3天 编号\u201d（其中一项）。"));
    }

    @Test
    void oneTickClaimsEveryReminderOnceWithItsMessagesAndNoneForADeadlineDoneOrPutOff() {
        LocalDate day = LocalDate.of(2026, 12, 1);
        Map<Long, String> titles = addDeadlines(day);
        List<Long> ids = titles.keySet().stream().sorted().toList();
        long done = ids.get(10);
        long snoozed = ids.get(500);
        deadlines.markDone(done, "test", "已完成");
        deadlines.snoozeFor(snoozed, 1, "test");

        CLOCK.set(day.atTime(8, 59, 59));
        reminders.tick();
        assertThat(claims(titles.keySet())).as("not before 09:00").isEmpty();

        CLOCK.set(LocalDateTime.of(2026, 12, 1, 9, 0, 0, 250_000_000));
        assertThat(reminders.tick()).isEqualTo(claimedAt(CLOCK.instant())).isGreaterThanOrEqualTo(DEADLINES - 2);
        assertRemindedOnce(titles, Set.of(done, snoozed), day);

        CLOCK.set(day.atTime(9, 1));
        assertThat(reminders.tick()).as("nothing left to claim a minute later").isZero();
        assertRemindedOnce(titles, Set.of(done, snoozed), day);
    }

    @Test
    void twoTicksAtOnceClaimEveryReminderOnce() throws Exception {
        LocalDate day = LocalDate.of(2026, 12, 2);
        Map<Long, String> titles = addDeadlines(day);
        long done = titles.keySet().stream().min(Long::compare).orElseThrow();
        deadlines.markDone(done, "test", null);

        CLOCK.set(LocalDateTime.of(2026, 12, 2, 9, 0, 0, 100_000_000));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> ticks = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                ticks.add(threads.submit(() -> {
                    start.await();
                    return reminders.tick();
                }));
            }
            start.countDown();
            int sent = 0;
            for (Future<Integer> tick : ticks) {
                sent += tick.get(2, TimeUnit.MINUTES);
            }
            assertThat(sent).as("between them, what was claimed (every deadline once, and others due then)")
                    .isEqualTo(claimedAt(CLOCK.instant())).isGreaterThanOrEqualTo(DEADLINES - 1);
        } finally {
            threads.shutdownNow();
        }
        assertRemindedOnce(titles, Set.of(done), day);
        assertThat(jdbc.queryForList("SELECT target_id, content FROM outbox_message WHERE purpose = 'REMINDER' "
                + "GROUP BY target_id, content HAVING COUNT(*) > 1")).as("no message twice").isEmpty();
        assertThat(messages().values().stream().mapToInt(List::size).sum()).isEqualTo(3 * (DEADLINES - 1));
        assertThat(claims(titles.keySet()).values().stream().flatMap(List::stream).collect(Collectors.toList()))
                .hasSize(DEADLINES - 1);
    }
}
