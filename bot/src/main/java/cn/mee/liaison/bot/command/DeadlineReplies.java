package cn.mee.liaison.bot.command;

import cn.mee.liaison.bot.deadline.Deadline;
import cn.mee.liaison.bot.deadline.Deadlines;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** What the deadline commands have in common: how a deadline is named, and closing one on someone's word. */
@Component
class DeadlineReplies {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final Replies replies;
    private final Deadlines deadlines;
    private final Clock clock;

    DeadlineReplies(Replies replies, Deadlines deadlines, Clock clock) {
        this.replies = replies;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    String text(String key, Object... args) {
        return replies.text(key, args);
    }

    String example(Verb verb) {
        return replies.exampleOf(verb);
    }

    ZoneId zone() {
        return clock.getZone();
    }

    LocalDate today(Exchange exchange) {
        return LocalDate.ofInstant(exchange.now(), clock.getZone());
    }

    /** {@code [12] 2026年第四季度工作进展书面报告（生态环境部华北督察局） 12月31日截止} */
    String line(Deadline deadline) {
        StringBuilder line = new StringBuilder("[").append(deadline.id()).append("] ").append(deadline.title());
        String whose = deadline.unit() != null ? deadline.unit()
                : deadline.city() != null && !deadline.title().startsWith(deadline.city()) ? deadline.city() : null;
        if (whose != null) {
            line.append("（").append(whose).append("）");
        }
        return line.append(" ").append(DAY.format(deadline.dueDate())).append("截止").toString();
    }

    /** Marks the deadline done on the sender's word, if theirs to close; says what happened. */
    OutboxMessage close(Exchange exchange, Deadline deadline, DeadlineReach reach, String note) {
        if (!reach.mayClose(deadline)) {
            return exchange.reply(text("deadline.not.yours", line(deadline)), true);
        }
        if (deadline.row().done()) {
            return exchange.reply(text("deadline.done.before", line(deadline), deadline.row().doneBy(),
                    deadline.row().doneAt().atZone(clock.getZone()).toLocalDate()), true);
        }
        Deadline done = deadlines.markDone(deadline.id(), actor(exchange), said(exchange, note));
        return exchange.reply(text("deadline.done", line(done)), true);
    }

    /** Who did it, as the audit log and the deadline record it (as for every chat command). */
    static String actor(Exchange exchange) {
        return "chat:" + exchange.sender().senderId();
    }

    /** The note kept with what was done: who said so where. */
    static String said(Exchange exchange, String note) {
        String name = exchange.sender().senderName();
        String who = name == null || name.isBlank() ? exchange.sender().senderId() : name;
        String where = exchange.sender().groupName() != null ? exchange.sender().groupName() + "群内"
                : exchange.sender().inBureauChat() ? "执法局群内" : "单聊中";
        String text = note == null || note.isBlank() ? "" : "：" + note.strip();
        return (who + "在" + where + "确认" + text);
    }
}
