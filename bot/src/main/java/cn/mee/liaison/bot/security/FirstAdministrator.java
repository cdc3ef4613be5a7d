package cn.mee.liaison.bot.security;

import cn.mee.liaison.storage.user.ConsoleRole;
import cn.mee.liaison.storage.user.ConsoleUser;
import cn.mee.liaison.storage.user.ConsoleUserMapper;
import java.security.SecureRandom;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the first console administrator when missing ({@code liaison.security.admin-username}, default admin).
 * Without a configured password a random one is generated and written once to the log; an existing administrator's
 * password is never changed here.
 */
@Component
@Order(0)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final ConsoleUserMapper users;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final String username;
    private final String password;

    FirstAdministrator(ConsoleUserMapper users, PasswordEncoder encoder, Clock clock,
                       @Value("${liaison.security.admin-username:admin}") String username,
                       @Value("${liaison.security.admin-password:}") String password) {
        this.users = users;
        this.encoder = encoder;
        this.clock = clock;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.findByUsername(username).isPresent()) {
            return;
        }
        boolean generated = password == null || password.isBlank();
        String secret = generated ? randomPassword() : password;
        try {
            users.insert(new ConsoleUser(null, username, encoder.encode(secret), "管理员", ConsoleRole.BUREAU_ADMIN,
                    null, true, clock.instant()));
        } catch (DuplicateKeyException raced) {
            return; // another instance created it at the same moment
        }
        if (generated) {
            log.warn("Created console administrator '{}' with generated password: {}  (shown only this once; "
                    + "change it in the console or set liaison.security.admin-password)", username, secret);
        } else {
            log.info("Created console administrator '{}' with the configured password", username);
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
