package cn.mee.liaison.scheduler.jobs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/** What {@link RecordingJob} ran in this context: a bean, so a run proves the job got its dependencies injected. */
@Component
class JobRuns {

    record Run(String job, String instanceId, String tag) {
    }

    private final List<Run> runs = new CopyOnWriteArrayList<>();

    void add(Run run) {
        runs.add(run);
    }

    List<Run> all() {
        return List.copyOf(runs);
    }

    long of(String job) {
        return runs.stream().filter(run -> run.job().equals(job)).count();
    }
}
