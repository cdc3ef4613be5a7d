package cn.mee.liaison.bot.channel.wecom.api;

import cn.mee.liaison.bot.channel.wecom.WeComProperties;
import cn.mee.liaison.bot.channel.wecom.api.WeComFailure.Kind;
import cn.mee.liaison.storage.wecom.AccessToken;
import cn.mee.liaison.storage.wecom.AccessTokenMapper;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One access token per app, shared by every instance of the bot through the database. A token is used until five
 * minutes before it expires (or half its life, for a token WeCom handed out with less than ten minutes left: WeCom
 * gives the same token again until it expires); then exactly one caller refreshes it: threads of this instance wait on a local lock,
 * other instances on the app's row, locked for the duration of the gettoken call, and take the token it stored.
 * A token WeCom refuses (40014, 42001) is expired for everyone, but only if nobody has replaced it meanwhile; should
 * gettoken hand the same token out again, it is WeCom's current one and used again.
 */
@Component
public class AccessTokens {

    private static final Logger log = LoggerFactory.getLogger(AccessTokens.class);
    static final Duration REFRESH_AHEAD = Duration.ofMinutes(5);

    private final AccessTokenMapper mapper;
    private final WeComHttp http;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, AccessToken> known = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    /** Tokens WeCom refused: never handed out again, even by a caller that read one before it was refused. */
    private final Set<String> refusedTokens = ConcurrentHashMap.newKeySet();

    AccessTokens(AccessTokenMapper mapper, WeComHttp http, PlatformTransactionManager transactions, Clock clock,
                 MeterRegistry meters) {
        this.mapper = mapper;
        this.http = http;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.meters = meters;
    }

    public String token(WeComProperties.App app) {
        String key = app.tokenKey();
        AccessToken cached = known.get(key);
        if (fresh(cached)) {
            return cached.token();
        }
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            cached = known.get(key);
            if (fresh(cached)) {
                return cached.token();
            }
            AccessToken stored = mapper.find(key).orElse(null);
            if (!fresh(stored)) {
                if (stored == null) {
                    // Its own short transaction: INSERT IGNORE on an existing row takes a shared lock, and a shared
                    // lock upgraded to FOR UPDATE deadlocks against a concurrent expire() on MySQL.
                    ownTransaction.executeWithoutResult(status -> mapper.ensure(key));
                }
                stored = ownTransaction.execute(status -> refresh(app));
            }
            known.put(key, stored);
            return stored.token();
        }
    }

    /** WeCom refused this token: nobody should use it any more. */
    public void refused(WeComProperties.App app, String token) {
        String key = app.tokenKey();
        if (refusedTokens.size() > 64) {
            refusedTokens.clear(); // tokens are refused rarely; only the recent ones matter
        }
        refusedTokens.add(token);
        known.computeIfPresent(key, (k, t) -> token.equals(t.token()) ? null : t);
        ownTransaction.executeWithoutResult(status -> mapper.expire(key, token, clock.instant()));
    }

    private AccessToken refresh(WeComProperties.App app) {
        String key = app.tokenKey();
        AccessToken row = mapper.lock(key);
        if (fresh(row)) {
            return row; // another instance refreshed it while we waited for the lock
        }
        JsonNode answer = http.get(http.api("/cgi-bin/gettoken?corpid=" + encode(app.corpId()) + "&corpsecret="
                + encode(app.secret())));
        String token = answer.path("access_token").asText(null);
        long lifetime = answer.path("expires_in").asLong(0);
        if (token == null || token.isBlank() || lifetime <= 0) {
            throw new WeComFailure(Kind.TRANSIENT, 0, "gettoken 没有返回 access_token");
        }
        if (refusedTokens.remove(token)) {
            // WeCom hands out the token it refused as its current one (a refusal it did not mean): used again, not
            // asked for anew at every call
            log.info("WeCom handed out again the access token of app {} it had refused: using it", key);
        }
        Instant now = clock.instant();
        mapper.store(key, token, now.plusSeconds(lifetime), now);
        meters.counter("liaison.wecom.token.refreshes", "app", key).increment();
        log.info("refreshed the WeCom access token of app {} (valid {} s)", key, lifetime);
        return new AccessToken(key, token, now.plusSeconds(lifetime), now);
    }

    private boolean fresh(AccessToken token) {
        if (token == null || token.expiresAt() == null || token.refreshedAt() == null
                || refusedTokens.contains(token.token())) {
            return false;
        }
        Duration life = Duration.between(token.refreshedAt(), token.expiresAt());
        Duration ahead = life.dividedBy(2).compareTo(REFRESH_AHEAD) < 0 ? life.dividedBy(2) : REFRESH_AHEAD;
        return token.usableAt(clock.instant().plus(ahead));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
