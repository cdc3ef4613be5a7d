package cn.mee.liaison.scheduler.jobs;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** A job as features write them: a QuartzJobBean whose dependencies Spring injects through the constructor. */
@DisallowConcurrentExecution
class RecordingJob extends QuartzJobBean {

    private final JobRuns runs;

    RecordingJob(JobRuns runs) {
        this.runs = runs;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        try {
            runs.add(new JobRuns.Run(context.getJobDetail().getKey().getName(),
                    context.getScheduler().getSchedulerInstanceId(), context.getMergedJobDataMap().getString("tag")));
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }
}
