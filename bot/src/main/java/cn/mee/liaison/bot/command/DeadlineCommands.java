package cn.mee.liaison.bot.command;

import cn.mee.liaison.storage.outbox.OutboxMessage;
import org.springframework.stereotype.Component;

/** The deadline commands: 待办, 已报送, 已反馈, 已完成, 延后, 新增截止. */
@Component
class DeadlineCommands {

    private final AgendaCommand agenda;
    private final ReportSubmittedCommand reportSubmitted;
    private final FeedbackHeldCommand feedbackHeld;
    private final DeadlineDoneCommand done;
    private final SnoozeCommand snooze;
    private final DeadlineAddCommand add;

    DeadlineCommands(AgendaCommand agenda, ReportSubmittedCommand reportSubmitted, FeedbackHeldCommand feedbackHeld,
                     DeadlineDoneCommand done, SnoozeCommand snooze, DeadlineAddCommand add) {
        this.agenda = agenda;
        this.reportSubmitted = reportSubmitted;
        this.feedbackHeld = feedbackHeld;
        this.done = done;
        this.snooze = snooze;
        this.add = add;
    }

    boolean handles(Verb verb) {
        return switch (verb) {
            case AGENDA, REPORT_SUBMITTED, FEEDBACK_HELD, DEADLINE_DONE, SNOOZE, DEADLINE_ADD -> true;
            default -> false;
        };
    }

    OutboxMessage answer(Exchange exchange, Verb verb) {
        return switch (verb) {
            case AGENDA -> agenda.answer(exchange);
            case REPORT_SUBMITTED -> reportSubmitted.answer(exchange);
            case FEEDBACK_HELD -> feedbackHeld.answer(exchange);
            case DEADLINE_DONE -> done.answer(exchange);
            case SNOOZE -> snooze.answer(exchange);
            case DEADLINE_ADD -> add.answer(exchange);
            default -> throw new IllegalArgumentException("not a deadline command: " + verb);
        };
    }
}
