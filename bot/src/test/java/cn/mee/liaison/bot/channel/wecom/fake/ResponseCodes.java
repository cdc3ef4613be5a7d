package cn.mee.liaison.bot.channel.wecom.fake;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/** The intelligent robot's response_url codes: each works once, within one hour of being handed out. */
final class ResponseCodes {

    static final Duration LIFETIME = Duration.ofHours(1);

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> issued = new HashMap<>();
    private final Set<String> used = new HashSet<>();

    ResponseCodes(Clock clock) {
        this.clock = clock;
    }

    synchronized String issue() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String code = HexFormat.of().formatHex(bytes);
        issued.put(code, clock.instant());
        return code;
    }

    /** Uses the code up, or rejects it as unknown, expired or already used. */
    synchronized void consume(String code) {
        Instant at = issued.get(code);
        if (at == null) {
            throw Rejection.violation(WeComError.RESPONSE_CODE_EXPIRED, "response_code was never handed out");
        }
        if (used.contains(code)) {
            throw Rejection.violation(WeComError.RESPONSE_CODE_USED, "response_code was already used");
        }
        if (!clock.instant().isBefore(at.plus(LIFETIME))) {
            throw Rejection.violation(WeComError.RESPONSE_CODE_EXPIRED, "response_code is older than one hour");
        }
        used.add(code);
    }
}
