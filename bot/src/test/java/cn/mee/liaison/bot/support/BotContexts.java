package cn.mee.liaison.bot.support;

import cn.mee.liaison.bot.LiaisonBotApplication;
import cn.mee.liaison.bot.channel.wecom.fake.FakeWeCom;
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

    /** {@link #base} for one instance of a Quartz cluster that several bots form on one database. */
    public static Map<String, Object> clusterMember(String name, String cluster, Map<String, String> connection) {
        Map<String, Object> properties = base(name);
        properties.putAll(connection);
        properties.put("spring.quartz.properties.org.quartz.scheduler.instanceName", cluster);
        properties.put("spring.quartz.properties.org.quartz.jobStore.isClustered", "true");
        return properties;
    }

    /** The self-built app's settings pointing at a fake WeCom. */
    public static Map<String, Object> wecomApp(FakeWeCom wecom, String corp, String secret) {
        return Map.of("liaison.wecom.api-base-url", wecom.apiBaseUrl(), "liaison.wecom.app.corp-id", corp,
                "liaison.wecom.app.agent-id", String.valueOf(FakeWeCom.DEFAULT_AGENT_ID),
                "liaison.wecom.app.secret", secret);
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
