package cn.mee.liaison.bot.deadline;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Sends the deadline reminders due (a Quartz job; one run at a time in the cluster). */
@DisallowConcurrentExecution
public class DeadlineTickJob extends QuartzJobBean {

    private final DeadlineReminders reminders;

    public DeadlineTickJob(DeadlineReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        reminders.tick();
    }
}
