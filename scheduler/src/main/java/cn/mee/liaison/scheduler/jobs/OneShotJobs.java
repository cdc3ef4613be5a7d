package cn.mee.liaison.scheduler.jobs;

import java.time.Instant;
import java.util.Date;
import java.util.Set;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.scheduling.SchedulingException;
import org.springframework.stereotype.Component;

/**
 * Jobs that run once at an instant ("remind the group at 17:00 if the report is still missing"), kept in the
 * database by Quartz's JDBC job store: a job and a trigger both named {@code name} in the group {@value #GROUP}.
 * Once run, both are gone. In a cluster the job runs on exactly one instance.
 *
 * <p>Misfire policy: fire now ({@code withMisfireHandlingInstructionFireNow}). A run due while every instance was
 * down runs as soon as the scheduler is back; a job for which that is too late checks
 * {@code context.getScheduledFireTime()}. Job classes are as for {@link RecurringJobs}.
 */
@Component
public class OneShotJobs {

    static final String GROUP = "one-shot";

    private final Scheduler scheduler;

    public OneShotJobs(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Runs {@code job} once at {@code when} (Quartz's clock: the system time), with {@code data} (serializable
     * values) in its job data; an instant already past runs now. Scheduling a name again replaces its pending run.
     */
    public void at(String name, Class<? extends Job> job, Instant when, JobDataMap data) {
        JobKey jobKey = JobKey.jobKey(name, GROUP);
        JobDetail detail = JobBuilder.newJob(job).withIdentity(jobKey)
                .usingJobData(data == null ? new JobDataMap() : data).build();
        Instant now = Instant.now();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(TriggerKey.triggerKey(name, GROUP)).forJob(jobKey)
                .startAt(Date.from(when.isBefore(now) ? now : when))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            scheduler.scheduleJob(detail, Set.of(trigger), true);
        } catch (SchedulerException e) {
            throw new SchedulingException("cannot schedule one-shot job " + name, e);
        }
    }

    /** Cancels the pending run {@code name}; false if there was none (never scheduled, or already run). */
    public boolean cancel(String name) {
        try {
            return scheduler.deleteJob(JobKey.jobKey(name, GROUP));
        } catch (SchedulerException e) {
            throw new SchedulingException("cannot cancel one-shot job " + name, e);
        }
    }
}
