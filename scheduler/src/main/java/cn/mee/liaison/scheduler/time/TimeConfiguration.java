package cn.mee.liaison.scheduler.time;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the bot. Everything that asks "what time is it" asks this bean, in the campaign's zone
 * (Asia/Shanghai unless {@code liaison.zone} says otherwise), so that tests can move time instead of sleeping.
 */
@Configuration(proxyBeanMethods = false)
public class TimeConfiguration {

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock(@Value("${liaison.zone:Asia/Shanghai}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
