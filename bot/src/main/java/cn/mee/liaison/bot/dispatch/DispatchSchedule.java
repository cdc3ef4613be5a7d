package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.scheduler.jobs.RecurringJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private static final Logger log = LoggerFactory.getLogger(DispatchSchedule.class);

    private final RecurringJobs jobs;
    private final String cron;

    DispatchSchedule(RecurringJobs jobs, @Value("${liaison.dispatch.tick-cron:0 * * * * ?}") String cron) {
        this.jobs = jobs;
        this.cron = cron;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (cron == null || cron.isBlank()) {
            jobs.remove(JOB);
            log.info("the daily dispatch is off (liaison.dispatch.tick-cron is empty)");
            return;
        }
        jobs.ensure(JOB, DispatchTickJob.class, cron, null);
    }
}
