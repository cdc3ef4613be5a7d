package cn.mee.liaison.storage.wecom;

import java.time.Instant;

/** A WeCom app's access token as every instance of the bot shares it. */
public record AccessToken(String appKey, String token, Instant expiresAt, Instant refreshedAt) {

    public boolean usableAt(Instant now) {
        return token != null && expiresAt != null && now.isBefore(expiresAt);
    }
}
