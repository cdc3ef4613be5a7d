package cn.mee.liaison.scheduler.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.scheduling.SchedulingException;

/**
 * Removing a recurring job while a one-off fire of it completes: Quartz's deleteJob fails on the trigger that went
 * away in between ("Unable to unschedule trigger", seen once in CI after a test's run-now); the removal is tried again.
 * The race itself cannot be timed from a test, so the scheduler here fails the way Quartz does.
 */
class RecurringJobsRemoveTest {

    private static final JobKey KEY = JobKey.jobKey("daily-dispatch", "recurring");
    private static final SchedulerException GONE = new SchedulerException(
            "Unable to unschedule trigger [DEFAULT.MT_1] while deleting job [recurring.daily-dispatch]");

    private final Scheduler scheduler = mock(Scheduler.class);
    private final RecurringJobs jobs = new RecurringJobs(scheduler, ZoneId.of("Asia/Shanghai"));

    @Test
    void aTriggerGoneMeanwhileIsNoReasonToFail() throws SchedulerException {
        when(scheduler.deleteJob(KEY)).thenThrow(GONE).thenReturn(true);

        assertThat(jobs.remove("daily-dispatch")).isTrue();
        verify(scheduler, times(2)).deleteJob(KEY);
    }

    @Test
    void aSchedulerThatKeepsFailingIsReportedAfterThreeTries() throws SchedulerException {
        when(scheduler.deleteJob(KEY)).thenThrow(GONE);

        assertThatThrownBy(() -> jobs.remove("daily-dispatch")).isInstanceOf(SchedulingException.class)
                .hasMessageContaining("daily-dispatch").hasCause(GONE);
        verify(scheduler, times(3)).deleteJob(KEY);
    }
}
