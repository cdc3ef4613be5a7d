package cn.mee.liaison.storage.audit;

import java.time.Instant;

/**
 * One audited act.
 *
 * @param actor  the console user, or {@code chat:<userId>} for an act done through a chat command
 * @param action what was done (see the bot's audit actions)
 * @param target what it was done to
 * @param detail free text or JSON with the particulars
 */
public record AuditEntry(Long id, Instant at, String actor, String action, String target, String detail) {
}
