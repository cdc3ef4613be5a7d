package cn.mee.liaison.bot.deadline;

import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.storage.outbox.MessageFormat;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import cn.mee.liaison.storage.outbox.Purpose;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The messages that the reminders claimed together say: one to each recipient, listing every deadline reminded to it
 * (a single deadline's reminder as it is when it is the only one), and one to each bureau chat listing the deadlines
 * escalated. A coordinator owing three reports due the same day gets one message, not three; the doors' rate limits
 * (20 messages a minute to a group-robot webhook) are spent on what people read, not on repeats of the same header.
 */
final class ReminderLetters {

    private ReminderLetters() {
    }

    static List<OutboxMessage> of(List<DueReminders> due, DirectorySnapshot snapshot, LocalDate today, Instant now) {
        Map<String, Letter> reminders = new LinkedHashMap<>();
        Map<String, Letter> escalations = new LinkedHashMap<>();
        List<DeadlineRecipients.Target> bureau = DeadlineRecipients.bureau(snapshot);
        for (DueReminders d : due) {
            if (!d.remind().isEmpty()) {
                DeadlineRecipients.of(d.deadline(), snapshot, today).forEach(t -> letterTo(reminders, t).add(d));
            }
            if (d.escalate() != null) {
                bureau.forEach(t -> letterTo(escalations, t).add(d));
            }
        }
        List<OutboxMessage> said = new ArrayList<>(reminders.size() + escalations.size());
        reminders.values().forEach(l -> said.add(l.message(
                one -> DeadlineTexts.reminder(one, today), many -> DeadlineTexts.reminders(many, today), now)));
        escalations.values().forEach(l -> said.add(l.message(
                DeadlineTexts::escalation, DeadlineTexts::escalations, now)));
        return said;
    }

    private static Letter letterTo(Map<String, Letter> letters, DeadlineRecipients.Target target) {
        return letters.computeIfAbsent(target.channel() + "|" + target.type() + "|" + target.id(),
                key -> new Letter(target, new ArrayList<>()));
    }

    /** The deadlines one recipient is told about (its first target's mentions kept). */
    private record Letter(DeadlineRecipients.Target target, List<Deadline> deadlines) {

        void add(DueReminders due) {
            deadlines.add(due.deadline());
        }

        OutboxMessage message(Function<Deadline, String> one, Function<List<Deadline>, String> many, Instant now) {
            String text = deadlines.size() == 1 ? one.apply(deadlines.get(0)) : many.apply(deadlines);
            return OutboxMessage.pending(target.channel(), target.type(), target.id(), MessageFormat.TEXT, text,
                    target.mentions(), Purpose.REMINDER, null, now);
        }
    }
}
