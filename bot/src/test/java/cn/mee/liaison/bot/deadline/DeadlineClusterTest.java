package cn.mee.liaison.bot.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.mee.liaison.bot.LiaisonBotApplication;
import cn.mee.liaison.bot.directory.DirectoryImport;
import cn.mee.liaison.bot.support.ExpectedReminders;
import cn.mee.liaison.bot.support.TestOrganisation;
import cn.mee.liaison.testsupport.MutableClock;
import cn.mee.liaison.testsupport.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two instances of the bot on one database, Quartz clustered, both ticking the deadline reminders every second while
 * the clock moves a day at a time: every reminder is claimed and sent exactly once — also after one instance is shut
 * down halfway, when the other carries on alone.
 */
class DeadlineClusterTest {

    private static final int CUSTOM = 12;

    private final MutableClock clock = MutableClock.at(LocalDateTime.of(2026, 12, 16, 12, 0));
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final TestOrganisation org = new TestOrganisation(tag);
    private final Map<String, String> database = TestDatabase.mysqlAvailable()
            ? Map.of("spring.datasource.url", TestDatabase.freshMysqlDatabase())
            : Map.of("spring.datasource.url", "jdbc:h2:mem:cluster-" + tag
                    + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
                    "spring.datasource.username", "sa", "spring.datasource.password", "");
    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    @AfterEach
    void stop() {
        running.forEach(ConfigurableApplicationContext::close);
    }

    private ConfigurableApplicationContext start(String name) {
        Map<String, Object> properties = new HashMap<>(database);
        properties.putAll(TestDatabase.SMALL_POOL);
        properties.put("server.port", "0");
        properties.put("liaison.data-dir", "target/cluster-" + tag + "-" + name);
        properties.put("liaison.security.admin-password", "cluster-admin-1");
        properties.put("liaison.deadlines.tick-cron", "* * * * * ?");
        properties.put("liaison.dispatch.tick-cron", "");
        properties.put("liaison.cases.digest-cron", "");
        properties.put("spring.quartz.properties.org.quartz.scheduler.instanceName", "liaison-cluster-" + tag);
        properties.put("spring.quartz.properties.org.quartz.jobStore.isClustered", "true");
        properties.put("spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval", "1000");
        if (TestDatabase.mysqlAvailable()) {
            properties.put("spring.profiles.active", "mysql");
        }
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LiaisonBotApplication.class)
                .initializers(c -> c.getBeanFactory().registerSingleton("testClock", clock))
                .run(args);
        running.add(context);
        return context;
    }

    @Test
    void everyReminderIsSentExactlyOnceByTwoInstancesAlsoWhenOneStopsHalfway() {
        ConfigurableApplicationContext first = start("a");
        first.getBean(DirectoryImport.class).apply(org.document(), "test", "test");
        Deadlines deadlines = first.getBean(Deadlines.class);
        Map<Long, LocalDate> due = new HashMap<>();
        for (int i = 0; i < CUSTOM; i++) {
            LocalDate day = LocalDate.of(2026, 12, 18).plusDays(i);
            due.put(deadlines.addCustom("集群测试事项" + i, day, org.unitA(), null, "test").id(), day);
        }
        Instant known = clock.instant();
        ConfigurableApplicationContext second = start("b");
        JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE WHERE SCHED_NAME = ?", Integer.class,
                "liaison-cluster-" + tag)).as("two instances in the cluster").isEqualTo(2);

        for (LocalDate day = LocalDate.of(2026, 12, 17); !day.isAfter(LocalDate.of(2026, 12, 31));
             day = day.plusDays(1)) {
            if (day.equals(LocalDate.of(2026, 12, 24))) {
                first.close(); // halfway: the other instance carries on alone
                running.remove(first);
            }
            clock.set(day.atTime(9, 0, 30));
            Instant now = clock.instant();
            int remind = due.values().stream().mapToInt(d -> ExpectedReminders.by(d, known, now)).sum();
            int escalate = (int) due.values().stream().filter(d -> !now.isBefore(ExpectedReminders.at(d.plusDays(1)))).count();
            LocalDate today = day;
            await("the reminders of " + today).atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> ExpectedReminders.claimed(jdbc, due, "REMIND") == remind && ExpectedReminders.claimed(jdbc, due, "ESCALATE") == escalate);
        }

        // each claimed reminder went out once to each recipient: one message per deadline and day, no copies
        for (int i = 0; i < CUSTOM; i++) {
            String title = "集群测试事项" + i;
            Integer messages = jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE target_id = ? AND "
                    + "purpose = 'REMINDER' AND content LIKE ?", Integer.class, org.coordinatorA(), "%" + title + "（%");
            Integer claimed = jdbc.queryForObject("SELECT COUNT(*) FROM deadline_reminder r JOIN deadline d "
                    + "ON d.id = r.deadline_id WHERE d.title = ? AND d.unit_id = (SELECT id FROM org_unit WHERE name = ?)"
                    + " AND r.kind = 'REMIND'", Integer.class, title, org.unitA());
            assertThat(messages).as(title).isEqualTo(claimed).isPositive();
        }
        assertThat(jdbc.queryForList("SELECT target_id, content FROM outbox_message WHERE purpose = 'REMINDER' "
                + "GROUP BY target_id, content HAVING COUNT(*) > 1")).as("no reminder twice").isEmpty();
        Integer escalations = jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE target_id = ? "
                + "AND content LIKE '【逾期未完成】%集群测试事项%'", Integer.class, org.bureauChat());
        assertThat(escalations).as("every overdue one escalated once").isEqualTo(CUSTOM);
    }
}
