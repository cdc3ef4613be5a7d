package cn.mee.liaison.bot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication(scanBasePackages = "cn.mee.liaison")
public class LiaisonBotApplication {
    public static void main(String[] args) {
        SpringApplication.run(LiaisonBotApplication.class, args);
    }
}
