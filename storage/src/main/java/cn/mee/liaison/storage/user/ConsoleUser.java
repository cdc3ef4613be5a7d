package cn.mee.liaison.storage.user;

import java.time.Instant;

/** A person who logs in to the console or calls the API. unitId is set for unit coordinators only. */
public record ConsoleUser(Long id, String username, String passwordHash, String displayName, ConsoleRole role,
                          Long unitId, boolean enabled, Instant createdAt) {
}
