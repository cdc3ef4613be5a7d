package cn.mee.liaison.bot.dispatch;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A moment of a plan's day: the prompt, each reminder, the close.
 *
 * @param name how the stage is recorded once done: {@code PROMPT}, {@code REMIND@19:00}, {@code CLOSE}
 */
record DispatchStage(Kind kind, LocalTime at, String name) {

    enum Kind { PROMPT, REMIND, CLOSE }

    static final String PROMPT = "PROMPT";
    static final String CLOSE = "CLOSE";

    /** The plan's stages in the order of the day. */
    static List<DispatchStage> of(DispatchPlan plan) {
        List<DispatchStage> stages = new ArrayList<>();
        stages.add(new DispatchStage(Kind.PROMPT, plan.promptAt(), PROMPT));
        plan.reminders().stream().sorted()
                .forEach(t -> stages.add(new DispatchStage(Kind.REMIND, t, "REMIND@" + DispatchPlans.text(t))));
        stages.add(new DispatchStage(Kind.CLOSE, plan.closeAt(), CLOSE));
        return stages;
    }
}
