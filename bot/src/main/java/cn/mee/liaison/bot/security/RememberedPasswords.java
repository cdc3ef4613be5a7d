package cn.mee.liaison.bot.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password encoder, remembering for a few minutes which password matched which stored hash. The API is
 * stateless (HTTP Basic on every call), so without it every call pays a full bcrypt check — about 80 ms of CPU on
 * the benchmark's machine, more than the dispatch board itself. What is remembered is an HMAC-SHA256, under a key
 * made at start and never stored, of the stored hash and the password; a wrong password, a changed password (its
 * stored hash is another) or one not used for {@link #REMEMBERED_FOR_MINUTES} minutes goes through the full check.
 */
final class RememberedPasswords implements PasswordEncoder {

    static final long REMEMBERED_FOR_MINUTES = 5;
    private static final int MAX_REMEMBERED = 1000;

    private final PasswordEncoder encoder;
    private final SecretKeySpec key;
    /** HMAC → when it is forgotten (System.nanoTime), the oldest first; guarded by this. */
    private final LinkedHashMap<String, Long> matched = new LinkedHashMap<>();

    RememberedPasswords(PasswordEncoder encoder) {
        this.encoder = encoder;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return encoder.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return encoder.matches(rawPassword, encodedPassword);
        }
        String proof = proof(rawPassword, encodedPassword);
        long now = System.nanoTime();
        if (remembered(proof, now)) {
            return true;
        }
        boolean matches = encoder.matches(rawPassword, encodedPassword);
        if (matches) {
            remember(proof, now + TimeUnit.MINUTES.toNanos(REMEMBERED_FOR_MINUTES));
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return encoder.upgradeEncoding(encodedPassword);
    }

    private synchronized boolean remembered(String proof, long now) {
        Long until = matched.get(proof);
        if (until != null && now - until < 0) {
            return true;
        }
        matched.remove(proof);
        return false;
    }

    private synchronized void remember(String proof, long until) {
        matched.remove(proof);
        matched.put(proof, until);
        Iterator<Map.Entry<String, Long>> oldest = matched.entrySet().iterator();
        while (matched.size() > MAX_REMEMBERED) {
            oldest.next();
            oldest.remove();
        }
    }

    private String proof(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing", e);
        }
    }
}
