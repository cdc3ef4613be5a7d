package cn.mee.liaison.bot.deadline;

import cn.mee.liaison.storage.deadline.SentReminder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a deadline is owed at one tick: its reminder instants due (lead days, the due day, daily once overdue) and
 * its escalation instant if that is due (null otherwise) — all of them, or those not claimed yet.
 */
record DueReminders(Deadline deadline, List<Instant> remind, Instant escalate) {

    DueReminders {
        remind = List.copyOf(remind);
    }

    long id() {
        return deadline.id();
    }

    boolean isEmpty() {
        return remind.isEmpty() && escalate == null;
    }

    /** What is left once the deadline's claims so far are taken away. */
    DueReminders unclaimed(Collection<SentReminder> claims) {
        Set<Instant> reminded = instants(claims, DeadlineReminders.REMIND);
        boolean escalated = escalate != null && instants(claims, DeadlineReminders.ESCALATE).contains(escalate);
        return new DueReminders(deadline, remind.stream().filter(at -> !reminded.contains(at)).toList(),
                escalated ? null : escalate);
    }

    /** The claims to add for these instants, each sent at {@code now} (the tick's instant). */
    List<SentReminder> claims(Instant now) {
        List<SentReminder> claims = new ArrayList<>(remind.size() + 1);
        remind.forEach(at -> claims.add(new SentReminder(id(), at, DeadlineReminders.REMIND, now)));
        if (escalate != null) {
            claims.add(new SentReminder(id(), escalate, DeadlineReminders.ESCALATE, now));
        }
        return claims;
    }

    private static Set<Instant> instants(Collection<SentReminder> claims, String kind) {
        return claims.stream().filter(c -> c.kind().equals(kind)).map(SentReminder::remindAt)
                .collect(Collectors.toSet());
    }
}
