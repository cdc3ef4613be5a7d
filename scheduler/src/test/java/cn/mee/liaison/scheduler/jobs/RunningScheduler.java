package cn.mee.liaison.scheduler.jobs;

import cn.mee.liaison.scheduler.SchedulerTestApplication;
import java.util.Map;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One instance of the scheduler module on a given database, started and stopped by the test itself, so that a test
 * can restart it or run two side by side. Properties go in as command-line arguments, above config/application.yml.
 */
final class RunningScheduler implements AutoCloseable {

    /**
     * The scheduler's name. Instances of one cluster share it and their database; instances on different databases
     * alive at once need different names, since Quartz registers its connection providers JVM-wide by this name.
     */
    static final String NAME_PROPERTY = "spring.quartz.properties.org.quartz.scheduler.instanceName";

    private final ConfigurableApplicationContext context;

    private RunningScheduler(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static RunningScheduler start(Map<String, String> properties) {
        String[] arguments = properties.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue()).toArray(String[]::new);
        return new RunningScheduler(new SpringApplicationBuilder(SchedulerTestApplication.class)
                .web(WebApplicationType.NONE).run(arguments));
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    RecurringJobs recurring() {
        return context.getBean(RecurringJobs.class);
    }

    OneShotJobs oneShots() {
        return context.getBean(OneShotJobs.class);
    }

    Scheduler scheduler() {
        return context.getBean(Scheduler.class);
    }

    String instanceId() {
        try {
            return scheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    JobRuns runs() {
        return context.getBean(JobRuns.class);
    }

    JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
