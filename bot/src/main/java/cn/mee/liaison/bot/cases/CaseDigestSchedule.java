package cn.mee.liaison.bot.cases;

import cn.mee.liaison.scheduler.jobs.RecurringJobs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Registers the typical-case digest with Quartz at every start: {@code liaison.cases.digest-cron} (Quartz cron in
 * Asia/Shanghai; default every Friday 16:00); empty turns the digest off.
 */
@Component
class CaseDigestSchedule implements ApplicationRunner {

    static final String JOB = "typical-case-digest";

    private final RecurringJobs jobs;
    private final String cron;

    CaseDigestSchedule(RecurringJobs jobs, @Value("${liaison.cases.digest-cron:0 0 16 ? * FRI}") String cron) {
        this.jobs = jobs;
        this.cron = cron;
    }

    @Override
    public void run(ApplicationArguments args) {
        jobs.ensureOrRemove(JOB, CaseDigestJob.class, cron, "liaison.cases.digest-cron");
    }
}
