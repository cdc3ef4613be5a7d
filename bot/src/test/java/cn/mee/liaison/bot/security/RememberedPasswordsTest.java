package cn.mee.liaison.bot.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A password that matched is remembered for its stored hash only; a wrong one always gets the full check. */
class RememberedPasswordsTest {

    private final AtomicInteger fullChecks = new AtomicInteger();
    private final PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final RememberedPasswords passwords = new RememberedPasswords(new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            fullChecks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    });

    @Test
    void aMatchingPasswordIsCheckedInFullOnceThenRemembered() {
        String hash = passwords.encode("s3cret-Pass");
        assertThat(passwords.matches("s3cret-Pass", hash)).isTrue();
        assertThat(passwords.matches("s3cret-Pass", hash)).isTrue();
        assertThat(fullChecks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsRefusedAndCheckedInFullEveryTime() {
        String hash = passwords.encode("s3cret-Pass");
        assertThat(passwords.matches("s3cret-Pass", hash)).isTrue();
        assertThat(passwords.matches("s3cret-pass", hash)).isFalse();
        assertThat(passwords.matches("s3cret-pass", hash)).isFalse();
        assertThat(passwords.matches("", hash)).isFalse();
        assertThat(fullChecks).hasValue(4);
    }

    @Test
    void aChangedPasswordForgetsTheOldOne() {
        String before = passwords.encode("old-Pass-1");
        assertThat(passwords.matches("old-Pass-1", before)).isTrue();
        String after = passwords.encode("new-Pass-2");
        assertThat(passwords.matches("old-Pass-1", after)).as("the old password against the new hash").isFalse();
        assertThat(passwords.matches("new-Pass-2", after)).isTrue();
        assertThat(passwords.matches("new-Pass-2", before)).as("the new password against the old hash").isFalse();
    }
}
