package cn.mee.liaison.scheduler.jobs;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.JobPersistenceException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.SchedulingException;
import org.springframework.stereotype.Component;

/**
 * Jobs that run on a calendar ("every workday at 08:30"), kept in the database by Quartz's JDBC job store, one job
 * and one cron trigger per name, both named {@code name} in the group {@value #GROUP}. Features call
 * {@link #ensure} at every start; it is idempotent, so the instances of a cluster may all do it.
 *
 * <p>Cron expressions are Quartz's (seconds first, {@code ?} for the unused day field) and are read in the bot's
 * zone, {@code liaison.zone} (Asia/Shanghai). A job class is instantiated per run by Spring Boot's
 * {@code SpringBeanJobFactory}, with its dependencies injected: extend {@code QuartzJobBean} and mark it
 * {@code @DisallowConcurrentExecution} when two runs of it must never overlap (in a cluster too).
 *
 * <p>Misfire policy: fire once now ({@code withMisfireHandlingInstructionFireAndProceed}). A firing missed while
 * every instance was down (or all workers busy) for longer than {@code misfireThreshold} runs once as soon as the
 * scheduler is back, then the calendar goes on as before. A reminder sent late is better than one silently lost
 * (Quartz's "do nothing"), and several missed firings collapse into one instead of arriving as a burst ("ignore
 * misfires"). A job for which a late run makes no sense checks {@code context.getScheduledFireTime()}.
 */
@Component
public class RecurringJobs {

    static final String GROUP = "recurring";
    private static final Logger log = LoggerFactory.getLogger(RecurringJobs.class);
    private static final int REMOVE_ATTEMPTS = 3;

    private final Scheduler scheduler;
    private final TimeZone zone;

    public RecurringJobs(Scheduler scheduler, @Value("${liaison.zone:Asia/Shanghai}") ZoneId zone) {
        this.scheduler = scheduler;
        this.zone = TimeZone.getTimeZone(zone);
    }

    /**
     * Makes sure {@code job} runs on {@code cron} under {@code name}, with {@code data} (serializable values) in its
     * job data. A registration that is already so is left untouched, next fire time and pending misfire included;
     * a changed cron, class or data replaces the job and its trigger in one transaction, never adding a second one.
     *
     * @return whether anything was created or changed
     */
    public boolean ensure(String name, Class<? extends Job> job, String cron, JobDataMap data) {
        JobKey jobKey = JobKey.jobKey(name, GROUP);
        JobDetail detail = JobBuilder.newJob(job).withIdentity(jobKey).storeDurably()
                .usingJobData(data == null ? new JobDataMap() : data).build();
        CronTrigger trigger = TriggerBuilder.newTrigger().withIdentity(TriggerKey.triggerKey(name, GROUP))
                .forJob(jobKey)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(zone)
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        try {
            if (isRegistered(detail, trigger)) {
                return false;
            }
            scheduler.scheduleJob(detail, Set.of(trigger), true);
            return true;
        } catch (SchedulerException e) {
            throw new SchedulingException("cannot register recurring job " + name, e);
        }
    }

    /**
     * A feature's switchable recurring job: registered on {@code cron}, or removed when {@code cron} is empty (the
     * setting {@code setting} turned it off), which the log says.
     */
    public void ensureOrRemove(String name, Class<? extends Job> job, String cron, String setting) {
        if (cron == null || cron.isBlank()) {
            remove(name);
            log.info("recurring job {} is off ({} is empty)", name, setting);
            return;
        }
        ensure(name, job, cron.strip(), null);
    }

    /**
     * Removes the job {@code name} and its triggers, e.g. when a feature retires it; false if there was none. Quartz
     * unschedules the job's triggers one by one and fails if one of them is gone by then — a one-off fire of the job
     * (run now, on this instance or another) that completed meanwhile; seen once in CI. Its trigger is then gone,
     * and the removal is tried again (three times in all).
     */
    public boolean remove(String name) {
        JobKey key = JobKey.jobKey(name, GROUP);
        for (int attempt = 1; ; attempt++) {
            try {
                return scheduler.deleteJob(key);
            } catch (SchedulerException e) {
                if (attempt == REMOVE_ATTEMPTS) {
                    throw new SchedulingException("cannot remove recurring job " + name, e);
                }
                log.info("removing recurring job {} met a trigger that went away meanwhile ({}); trying again", name,
                        e.getMessage());
            }
        }
    }

    private boolean isRegistered(JobDetail detail, CronTrigger trigger) throws SchedulerException {
        JobDetail storedJob;
        Trigger storedTrigger;
        try {
            storedJob = scheduler.getJobDetail(detail.getKey());
            storedTrigger = scheduler.getTrigger(trigger.getKey());
        } catch (JobPersistenceException unreadable) {
            return false; // e.g. a job class that no longer exists: replace it
        }
        return storedJob != null
                && storedJob.getJobClass().equals(detail.getJobClass())
                && storedJob.getJobDataMap().equals(detail.getJobDataMap())
                && storedTrigger instanceof CronTrigger stored
                && Objects.equals(stored.getCronExpression(), trigger.getCronExpression())
                && stored.getTimeZone().getID().equals(trigger.getTimeZone().getID())
                && stored.getMisfireInstruction() == trigger.getMisfireInstruction()
                && scheduler.getTriggerState(trigger.getKey()) != Trigger.TriggerState.ERROR;
    }
}
