package cn.mee.liaison.scheduler.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two instances of the bot's scheduler sharing one MySQL database (the mysql profile: clustered): every one-shot
 * job runs exactly once, on one of them. Needs LIAISON_TEST_MYSQL_URL.
 */
@EnabledIf("cn.mee.liaison.testsupport.TestDatabase#mysqlAvailable")
class ClusteredSchedulersTest {

    private static final Logger log = LoggerFactory.getLogger(ClusteredSchedulersTest.class);

    @Test
    void twoInstancesOnOneDatabaseRunEachOneShotJobExactlyOnce() {
        Map<String, String> database = new HashMap<>(MySqlJobStoreTest.mysqlDatabase());
        database.put(RunningScheduler.NAME_PROPERTY, JobStoreContractTest.unique("liaison"));
        RunningScheduler first = RunningScheduler.start(database);
        RunningScheduler second = RunningScheduler.start(database);
        try {
            assertThat(first.instanceId()).isNotEqualTo(second.instanceId());
            assertThat(first.jdbc().queryForObject("SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE", Integer.class))
                    .isEqualTo(2);

            // half scheduled through each instance, all due at the same moment: both wake up and compete for them
            Instant due = Instant.now().plusSeconds(2);
            List<String> names = IntStream.range(0, 10).mapToObj(i -> JobStoreContractTest.unique("shot")).toList();
            for (int i = 0; i < names.size(); i++) {
                (i % 2 == 0 ? first : second).oneShots()
                        .at(names.get(i), RecordingJob.class, due, JobStoreContractTest.tagged("n" + i));
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> runs(first, second).size() == names.size());
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> runs(first, second).size() == names.size());
            Map<String, Long> perJob = runs(first, second).stream()
                    .collect(Collectors.groupingBy(JobRuns.Run::job, Collectors.counting()));
            assertThat(perJob).containsOnlyKeys(names).allSatisfy((job, count) -> assertThat(count).isOne());
            log.info("one-shot runs per instance: {}", runs(first, second).stream()
                    .collect(Collectors.groupingBy(JobRuns.Run::instanceId, Collectors.counting())));
        } finally {
            // the instances share Quartz's JVM-wide connection provider, registered last by the second: stop the
            // first while the second's data source is still open
            first.close();
            second.close();
        }
    }

    private static List<JobRuns.Run> runs(RunningScheduler first, RunningScheduler second) {
        return Stream.of(first, second).map(RunningScheduler::runs).map(JobRuns::all)
                .flatMap(List::stream).toList();
    }
}
