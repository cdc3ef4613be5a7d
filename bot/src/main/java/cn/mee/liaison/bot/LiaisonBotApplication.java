package cn.mee.liaison.bot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.autoconfigure.observation.web.client.HttpClientObservationsAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.gson.GsonAutoConfiguration;
import org.springframework.boot.autoconfigure.http.client.HttpClientAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.websocket.servlet.WebSocketServletAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The liaison bot (联络群机器人): channels, pipeline, commands, console and API on top of scheduler and storage.
 *
 * <p>Left out, because nothing of the bot uses them and each costs classes and beans at every start: the Gson
 * object mapper (Gson is on the class path only for gRPC), Spring's HTTP clients ({@code RestTemplate},
 * {@code RestClient}: the bot calls WeCom through the JDK's client, {@code WeComHttp}) and their metrics, and
 * WebSocket endpoints served by Tomcat (the robot's long connection is a client).
 */
@SpringBootApplication(scanBasePackages = "cn.mee.liaison", exclude = {GsonAutoConfiguration.class,
        RestTemplateAutoConfiguration.class, RestClientAutoConfiguration.class, HttpClientAutoConfiguration.class,
        HttpClientObservationsAutoConfiguration.class, WebSocketServletAutoConfiguration.class})
@ConfigurationPropertiesScan("cn.mee.liaison")
@EnableScheduling
public class LiaisonBotApplication {

    public static void main(String[] args) {
        SpringApplication.run(LiaisonBotApplication.class, args);
    }
}
