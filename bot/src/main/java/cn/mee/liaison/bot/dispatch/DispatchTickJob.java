package cn.mee.liaison.bot.dispatch;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Every minute, whatever stage of the daily dispatch is due (a Quartz job; one run at a time in the cluster). */
@DisallowConcurrentExecution
public class DispatchTickJob extends QuartzJobBean {

    private final DispatchStages stages;

    public DispatchTickJob(DispatchStages stages) {
        this.stages = stages;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        stages.tick();
    }
}
