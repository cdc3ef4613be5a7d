package cn.mee.liaison.scheduler.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.quartz.CronTrigger;
import org.quartz.JobDataMap;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.boot.autoconfigure.quartz.QuartzDataSourceScriptDatabaseInitializer;
import org.springframework.boot.autoconfigure.quartz.QuartzProperties;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.scheduling.quartz.LocalDataSourceJobStore;

/**
 * What the scheduler promises on every database the bot supports (see the subclasses), with the bot's own settings
 * (config/application*.yml). Each test has a database of its own; tests that need no restart share one instance.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JobStoreContractTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final List<String> QUARTZ_TABLES = List.of("QRTZ_JOB_DETAILS", "QRTZ_TRIGGERS",
            "QRTZ_SIMPLE_TRIGGERS", "QRTZ_CRON_TRIGGERS", "QRTZ_SIMPROP_TRIGGERS", "QRTZ_BLOB_TRIGGERS",
            "QRTZ_CALENDARS", "QRTZ_PAUSED_TRIGGER_GRPS", "QRTZ_FIRED_TRIGGERS", "QRTZ_SCHEDULER_STATE",
            "QRTZ_LOCKS");

    private RunningScheduler shared;

    /** Spring properties for a database of its own, empty until Flyway migrates it. */
    abstract Map<String, String> freshDatabase();

    /** Whether the bot's settings cluster the scheduler on this database. */
    abstract boolean clustered();

    /**
     * A database of its own for instances running beside the shared one. Quartz keeps its connection providers in
     * one JVM-wide registry under the scheduler's name, so instances on different databases need different names.
     */
    Map<String, String> anotherDatabase() {
        Map<String, String> properties = new HashMap<>(freshDatabase());
        properties.put(RunningScheduler.NAME_PROPERTY, unique("liaison"));
        return properties;
    }

    @BeforeAll
    void startSharedInstance() {
        shared = RunningScheduler.start(freshDatabase());
    }

    @AfterAll
    void stopSharedInstance() {
        if (shared != null) {
            shared.close();
        }
    }

    @Test
    void flywayCreatesTheQuartzTablesAndQuartzNeverInitialisesThem() throws SchedulerException {
        MigrationInfo quartz = java.util.Arrays.stream(shared.context().getBean(Flyway.class).info().applied())
                .filter(m -> m.getVersion().getVersion().equals("7")).findFirst().orElseThrow();
        assertThat(quartz.getDescription()).isEqualTo("quartz");
        assertThat(quartz.getState()).isEqualTo(MigrationState.SUCCESS);
        QUARTZ_TABLES.forEach(table ->
                assertThat(shared.jdbc().queryForObject("SELECT COUNT(*) FROM " + table, Integer.class)).isNotNull());

        assertThat(shared.context().getBean(QuartzProperties.class).getJdbc().getInitializeSchema())
                .isEqualTo(DatabaseInitializationMode.NEVER);
        assertThat(shared.context().getBeanNamesForType(QuartzDataSourceScriptDatabaseInitializer.class)).isEmpty();
        assertThat(shared.context().getBeanFactory().getBeanDefinition("quartzScheduler").getDependsOn())
                .as("Quartz starts only after Flyway migrated").contains("flywayInitializer");

        var metaData = shared.scheduler().getMetaData();
        assertThat(metaData.getSchedulerName()).isEqualTo("liaison");
        assertThat(metaData.getJobStoreClass()).isEqualTo(LocalDataSourceJobStore.class);
        assertThat(metaData.isJobStoreSupportsPersistence()).isTrue();
        assertThat(metaData.isJobStoreClustered()).isEqualTo(clustered());
        assertThat(metaData.getThreadPoolSize()).isEqualTo(4);
        assertThat(metaData.isStarted()).isTrue();
    }

    @Test
    void aRecurringJobSurvivesARestartAndIsNotDuplicatedByRegisteringItAgain() throws SchedulerException {
        Map<String, String> database = anotherDatabase();
        String cron = "0 30 8 ? * MON-FRI";
        Instant nextFire;
        try (RunningScheduler first = RunningScheduler.start(database)) {
            assertThat(first.recurring().ensure("morning-reminder", RecordingJob.class, cron, tagged("a"))).isTrue();
            assertThat(first.recurring().ensure("morning-reminder", RecordingJob.class, cron, tagged("a"))).isFalse();
            nextFire = cronTrigger(first, "morning-reminder").getNextFireTime().toInstant();
        }
        try (RunningScheduler second = RunningScheduler.start(database)) {
            CronTrigger survived = cronTrigger(second, "morning-reminder");
            assertThat(survived.getCronExpression()).isEqualTo(cron);
            assertThat(survived.getTimeZone().getID()).isEqualTo("Asia/Shanghai");

            assertThat(second.recurring().ensure("morning-reminder", RecordingJob.class, cron, tagged("a"))).isFalse();
            CronTrigger again = cronTrigger(second, "morning-reminder");
            assertThat(again.getNextFireTime().toInstant()).as("left untouched").isEqualTo(nextFire);
            ZonedDateTime local = nextFire.atZone(SHANGHAI);
            assertThat(local.getHour()).isEqualTo(8);
            assertThat(local.getMinute()).isEqualTo(30);
            assertThat(local.getDayOfWeek().getValue()).isBetween(1, 5);

            assertThat(second.scheduler().getTriggerKeys(GroupMatcher.triggerGroupEquals(RecurringJobs.GROUP)))
                    .containsExactly(TriggerKey.triggerKey("morning-reminder", RecurringJobs.GROUP));
            assertThat(rows(second, "QRTZ_JOB_DETAILS", "JOB_NAME", "morning-reminder")).isOne();
            assertThat(rows(second, "QRTZ_TRIGGERS", "TRIGGER_NAME", "morning-reminder")).isOne();
            assertThat(rows(second, "QRTZ_CRON_TRIGGERS", "TRIGGER_NAME", "morning-reminder")).isOne();
        }
    }

    @Test
    void aChangedCronOrJobDataUpdatesTheRegistration() throws SchedulerException {
        String name = unique("digest");
        assertThat(shared.recurring().ensure(name, RecordingJob.class, "0 0 9 * * ?", tagged("a"))).isTrue();

        assertThat(shared.recurring().ensure(name, RecordingJob.class, "0 15 17 * * ?", tagged("a"))).isTrue();
        CronTrigger changed = cronTrigger(shared, name);
        assertThat(changed.getCronExpression()).isEqualTo("0 15 17 * * ?");
        ZonedDateTime next = changed.getNextFireTime().toInstant().atZone(SHANGHAI);
        assertThat(next.getHour()).isEqualTo(17);
        assertThat(next.getMinute()).isEqualTo(15);

        assertThat(shared.recurring().ensure(name, RecordingJob.class, "0 15 17 * * ?", tagged("b"))).isTrue();
        assertThat(shared.scheduler().getJobDetail(JobKey.jobKey(name, RecurringJobs.GROUP)).getJobDataMap()
                .getString("tag")).isEqualTo("b");
        assertThat(rows(shared, "QRTZ_TRIGGERS", "TRIGGER_NAME", name)).isOne();
        assertThat(rows(shared, "QRTZ_JOB_DETAILS", "JOB_NAME", name)).isOne();

        assertThat(shared.recurring().remove(name)).isTrue();
        assertThat(shared.recurring().remove(name)).isFalse();
        assertThat(rows(shared, "QRTZ_TRIGGERS", "TRIGGER_NAME", name)).isZero();
    }

    @Test
    void aOneShotJobRunsOnceAsASpringBeanAndIsThenGone() {
        String name = unique("ping");
        shared.oneShots().at(name, RecordingJob.class, Instant.now().plusMillis(500), tagged("once"));

        await().atMost(Duration.ofSeconds(20)).until(() -> shared.runs().of(name) == 1);
        assertThat(shared.runs().all()).filteredOn(run -> run.job().equals(name))
                .singleElement().satisfies(run -> assertThat(run.tag()).isEqualTo("once"));
        await().atMost(Duration.ofSeconds(10)).until(() -> rows(shared, "QRTZ_JOB_DETAILS", "JOB_NAME", name) == 0);
        assertThat(shared.oneShots().cancel(name)).isFalse();
    }

    @Test
    void aOneShotJobCanBeMovedAndCancelled() throws SchedulerException {
        String name = unique("later");
        shared.oneShots().at(name, RecordingJob.class, Instant.now().plus(Duration.ofHours(1)), tagged("x"));
        Instant moved = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        shared.oneShots().at(name, RecordingJob.class, moved, tagged("x"));

        Trigger trigger = shared.scheduler().getTrigger(TriggerKey.triggerKey(name, OneShotJobs.GROUP));
        assertThat(trigger.getNextFireTime().toInstant()).isEqualTo(moved);
        assertThat(rows(shared, "QRTZ_TRIGGERS", "TRIGGER_NAME", name)).isOne();
        assertThat(shared.oneShots().cancel(name)).isTrue();
        assertThat(rows(shared, "QRTZ_TRIGGERS", "TRIGGER_NAME", name)).isZero();
        assertThat(rows(shared, "QRTZ_JOB_DETAILS", "JOB_NAME", name)).isZero();
    }

    @Test
    void everyTriggerStoresTheMisfirePolicyItDeclares() throws SchedulerException {
        String recurring = unique("weekly");
        String oneShot = unique("deadline");
        shared.recurring().ensure(recurring, RecordingJob.class, "0 0 10 ? * MON", null);
        shared.oneShots().at(oneShot, RecordingJob.class, Instant.now().plus(Duration.ofDays(1)), null);

        assertThat(cronTrigger(shared, recurring).getMisfireInstruction())
                .isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
        assertThat(misfireColumn(recurring)).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
        Trigger stored = shared.scheduler().getTrigger(TriggerKey.triggerKey(oneShot, OneShotJobs.GROUP));
        assertThat(stored).isInstanceOf(SimpleTrigger.class);
        assertThat(stored.getMisfireInstruction()).isEqualTo(SimpleTrigger.MISFIRE_INSTRUCTION_FIRE_NOW);
        assertThat(misfireColumn(oneShot)).isEqualTo(SimpleTrigger.MISFIRE_INSTRUCTION_FIRE_NOW);

        shared.recurring().remove(recurring);
        shared.oneShots().cancel(oneShot);
    }

    @Test
    void aFiringMissedWhileStoppedRunsOnceAtTheNextStart() throws SchedulerException {
        Map<String, String> database = anotherDatabase();
        try (RunningScheduler first = RunningScheduler.start(database)) {
            first.recurring().ensure("nightly", RecordingJob.class, "0 0 3 * * ?", tagged("late"));
            first.scheduler().standby();
            // as if the bot had been down over the last firing, ten minutes ago
            first.jdbc().update("UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = ? WHERE TRIGGER_NAME = ?",
                    Instant.now().minus(Duration.ofMinutes(10)).toEpochMilli(), "nightly");
        }
        try (RunningScheduler second = RunningScheduler.start(database)) {
            second.recurring().ensure("nightly", RecordingJob.class, "0 0 3 * * ?", tagged("late"));

            await().atMost(Duration.ofSeconds(20)).until(() -> second.runs().of("nightly") == 1);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> second.runs().of("nightly") == 1);
            ZonedDateTime next = cronTrigger(second, "nightly").getNextFireTime().toInstant().atZone(SHANGHAI);
            assertThat(next.toInstant()).isAfter(Instant.now());
            assertThat(next.getHour()).isEqualTo(3);
        }
    }

    static JobDataMap tagged(String tag) {
        JobDataMap data = new JobDataMap();
        data.put("tag", tag);
        return data;
    }

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static CronTrigger cronTrigger(RunningScheduler instance, String name) throws SchedulerException {
        return (CronTrigger) instance.scheduler().getTrigger(TriggerKey.triggerKey(name, RecurringJobs.GROUP));
    }

    private static int rows(RunningScheduler instance, String table, String column, String name) {
        return instance.jdbc().queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?",
                Integer.class, name);
    }

    private int misfireColumn(String triggerName) {
        return shared.jdbc().queryForObject("SELECT MISFIRE_INSTR FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = ?",
                Integer.class, triggerName);
    }
}
