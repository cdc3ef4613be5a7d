package cn.mee.liaison.bot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The liaison bot (联络群机器人): channels, pipeline, commands, console and API on top of scheduler and storage. */
@SpringBootApplication(scanBasePackages = "cn.mee.liaison")
@ConfigurationPropertiesScan("cn.mee.liaison")
@EnableScheduling
public class LiaisonBotApplication {

    public static void main(String[] args) {
        SpringApplication.run(LiaisonBotApplication.class, args);
    }
}
