package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.scheduler.jobs.RecurringJobs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Registers the dispatch tick with Quartz at every start: {@code liaison.dispatch.tick-cron} (default every minute,
 * on the minute); empty turns the daily dispatch off.
 */
@Component
class DispatchSchedule implements ApplicationRunner {

    static final String JOB = "daily-dispatch";

    private final RecurringJobs jobs;
    private final String cron;

    DispatchSchedule(RecurringJobs jobs, @Value("${liaison.dispatch.tick-cron:0 * * * * ?}") String cron) {
        this.jobs = jobs;
        this.cron = cron;
    }

    @Override
    public void run(ApplicationArguments args) {
        jobs.ensureOrRemove(JOB, DispatchTickJob.class, cron, "liaison.dispatch.tick-cron");
    }
}
