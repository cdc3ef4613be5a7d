package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.bot.calendar.CalendarGap;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Every minute, whatever stage of the daily dispatch is due (a Quartz job; one run at a time in the cluster), and once
 * a day the check that the working-day calendar has the years it needs.
 */
@DisallowConcurrentExecution
public class DispatchTickJob extends QuartzJobBean {

    private final DispatchStages stages;
    private final CalendarGap calendarGap;

    public DispatchTickJob(DispatchStages stages, CalendarGap calendarGap) {
        this.stages = stages;
        this.calendarGap = calendarGap;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        stages.tick();
        calendarGap.check();
    }
}
