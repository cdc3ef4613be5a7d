package cn.mee.liaison.bot.deadline;

import cn.mee.liaison.scheduler.jobs.RecurringJobs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Registers the deadline reminders with Quartz at every start: {@code liaison.deadlines.tick-cron} (default every
 * minute, at second 0: reminder times are whole minutes); empty turns the reminders off.
 */
@Component
class DeadlineSchedule implements ApplicationRunner {

    static final String JOB = "deadline-reminders";

    private final RecurringJobs jobs;
    private final String cron;

    DeadlineSchedule(RecurringJobs jobs, @Value("${liaison.deadlines.tick-cron:0 * * * * ?}") String cron) {
        this.jobs = jobs;
        this.cron = cron;
    }

    @Override
    public void run(ApplicationArguments args) {
        jobs.ensureOrRemove(JOB, DeadlineTickJob.class, cron, "liaison.deadlines.tick-cron");
    }
}
