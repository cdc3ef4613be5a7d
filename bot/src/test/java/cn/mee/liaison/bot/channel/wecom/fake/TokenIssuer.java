package cn.mee.liaison.bot.channel.wecom.fake;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Self-built apps and their access tokens. Like WeCom, gettoken hands out the app's current token (with the seconds it
 * has left) until it expires or is invalidated, then a fresh random one.
 */
final class TokenIssuer {

    record App(String corpId, String secret, int agentId) {
    }

    record Issued(String token, long expiresIn) {
    }

    private record Token(String value, App app, Instant expiresAt) {
    }

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Map<String, App>> appsByCorp = new HashMap<>();
    private final Map<String, Token> tokens = new HashMap<>();
    private final Map<App, Token> current = new HashMap<>();
    private final Set<String> revoked = new HashSet<>();
    private Duration lifetime = Duration.ofSeconds(7200);
    private int calls;

    TokenIssuer(Clock clock) {
        this.clock = clock;
    }

    synchronized void app(String corpId, String secret, int agentId) {
        appsByCorp.computeIfAbsent(corpId, c -> new HashMap<>()).put(secret, new App(corpId, secret, agentId));
    }

    synchronized void lifetime(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("token lifetime must be positive");
        }
        this.lifetime = lifetime;
    }

    /** gettoken: counts the call and answers the app's token, or rejects wrong credentials. */
    synchronized Issued issue(String corpId, String secret) {
        calls++;
        if (corpId == null || corpId.isEmpty()) {
            throw Rejection.violation(WeComError.MISSING_CORPID, "corpid is missing");
        }
        if (secret == null || secret.isEmpty()) {
            throw Rejection.violation(WeComError.MISSING_SECRET, "corpsecret is missing");
        }
        Map<String, App> apps = appsByCorp.get(corpId);
        if (apps == null) {
            throw Rejection.violation(WeComError.INVALID_CORPID, "unknown corpid " + corpId);
        }
        App app = apps.get(secret);
        if (app == null) {
            throw Rejection.violation(WeComError.INVALID_SECRET, "wrong corpsecret for corpid " + corpId);
        }
        Instant now = clock.instant();
        Token token = current.get(app);
        if (token == null || !now.isBefore(token.expiresAt()) || revoked.contains(token.value())) {
            token = new Token(randomToken(), app, now.plus(lifetime));
            tokens.put(token.value(), token);
            current.put(app, token);
        }
        return new Issued(token.value(), Duration.between(now, token.expiresAt()).toSeconds());
    }

    /** The app a token belongs to; a missing or never-issued token is a violation, an expired or revoked one not. */
    synchronized App authorize(String accessToken) {
        if (accessToken == null || accessToken.isEmpty()) {
            throw Rejection.violation(WeComError.MISSING_ACCESS_TOKEN, "access_token is missing");
        }
        Token token = tokens.get(accessToken);
        if (token == null) {
            throw Rejection.violation(WeComError.INVALID_ACCESS_TOKEN, "access_token was never issued");
        }
        if (revoked.contains(accessToken)) {
            throw Rejection.platform(WeComError.INVALID_ACCESS_TOKEN, "access_token was invalidated");
        }
        if (!clock.instant().isBefore(token.expiresAt())) {
            throw Rejection.platform(WeComError.EXPIRED_ACCESS_TOKEN, "access_token expired");
        }
        return token.app();
    }

    /** Invalidates every token handed out so far (WeCom may do so before they expire). */
    synchronized void expireAll() {
        revoked.addAll(tokens.keySet());
        current.clear();
    }

    synchronized int calls() {
        return calls;
    }

    synchronized void resetCalls() {
        calls = 0;
    }

    private String randomToken() {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
