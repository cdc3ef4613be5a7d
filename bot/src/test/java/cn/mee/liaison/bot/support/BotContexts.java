package cn.mee.liaison.bot.support;

import cn.mee.liaison.bot.LiaisonBotApplication;
import cn.mee.liaison.bot.outbox.OutboxWorker;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;

/**
 * Starts a whole bot in this JVM with its own settings, as a deployment would (every setting as a command-line
 * argument, outranking application.yml) and with the test's clock. For tests that start, stop or break bots
 * themselves; {@link RunningBot} is the shared one.
 */
public final class BotContexts {

    private BotContexts() {
    }

    /** The settings every such bot needs: a random port, its own data directory and Quartz name, no cron noise. */
    public static Map<String, Object> base(String name) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("liaison.data-dir", "target/" + name);
        properties.put("liaison.security.admin-password", RunningBot.ADMIN_PASSWORD);
        properties.put("liaison.dispatch.tick-cron", "");
        properties.put("liaison.deadlines.tick-cron", "");
        properties.put("liaison.cases.digest-cron", "");
        properties.put("spring.quartz.properties.org.quartz.scheduler.instanceName", "liaison-" + name);
        return properties;
    }

    public static ConfigurableApplicationContext start(Map<String, ?> properties, Clock clock) {
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(LiaisonBotApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("testClock", clock))
                .run(args);
    }

    /** A bot whose own outbox poller is stopped, so that only the test's worker takes rows. */
    public static ConfigurableApplicationContext startWithoutOutboxPoller(Map<String, ?> properties, Clock clock) {
        ConfigurableApplicationContext context = start(properties, clock);
        OutboxWorker own = context.getBean(OutboxWorker.class);
        context.getBean(ScheduledAnnotationBeanPostProcessor.class).postProcessBeforeDestruction(own, "outboxWorker");
        return context;
    }
}
