package cn.mee.liaison.bot.cases;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** The scheduled push of the newly marked typical cases (a Quartz job; one run at a time in the cluster). */
@DisallowConcurrentExecution
public class CaseDigestJob extends QuartzJobBean {

    private final SharedCases cases;

    public CaseDigestJob(SharedCases cases) {
        this.cases = cases;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        cases.pushDigest();
    }
}
