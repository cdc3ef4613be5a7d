package cn.mee.liaison.scheduler.deadline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a round owes:
 * <ul>
 *   <li>{@link DeadlineKind#ROUND_SUMMARY}, the central group's work summary (第四条(四)), due on the round's last
 *       day: {@code <轮次>工作总结}, key {@code ROUND_SUMMARY|<round>};</li>
 *   <li>{@link DeadlineKind#EVALUATION}, the evaluation suggestions, recommending 1-2 individuals (第十二条), due on
 *       the round's last day: {@code <轮次>考评建议（可推荐1-2名个人）}, key {@code EVALUATION|<round>};</li>
 *   <li>{@link DeadlineKind#PERSONNEL_LIST} of the next round (第三条(三), "in time"): when its start is known, due
 *       {@code personnelListLeadDays} days (default 7) before it starts: {@code <下一轮次>人员名单}, key
 *       {@code PERSONNEL_LIST|<next round>}; while no next round is known, due {@code personnelListBeforeEndDays}
 *       days (default 7) before this round ends: {@code <轮次>之后下一轮人员名单}, key
 *       {@code PERSONNEL_LIST|<round>之后}.</li>
 * </ul>
 */
public class RoundRules {

    public static final int DEFAULT_PERSONNEL_LIST_LEAD_DAYS = 7;
    public static final int DEFAULT_PERSONNEL_LIST_BEFORE_END_DAYS = 7;

    private final int personnelListLeadDays;
    private final int personnelListBeforeEndDays;

    /** The rules with the personnel list due 7 days before the next round starts (or this one ends). */
    public RoundRules() {
        this(DEFAULT_PERSONNEL_LIST_LEAD_DAYS);
    }

    /** The rules with the personnel list due {@code personnelListLeadDays} (0 or more) days before a round starts. */
    public RoundRules(int personnelListLeadDays) {
        this(personnelListLeadDays, DEFAULT_PERSONNEL_LIST_BEFORE_END_DAYS);
    }

    /**
     * The rules with the personnel list due {@code personnelListLeadDays} (0 or more) days before the next round
     * starts, or, while none is known, {@code personnelListBeforeEndDays} (0 or more) days before this one ends.
     */
    public RoundRules(int personnelListLeadDays, int personnelListBeforeEndDays) {
        if (personnelListLeadDays < 0) {
            throw new IllegalArgumentException("the personnel list cannot be due after the round starts: "
                    + personnelListLeadDays);
        }
        if (personnelListBeforeEndDays < 0) {
            throw new IllegalArgumentException("the personnel list cannot be due after the round ends: "
                    + personnelListBeforeEndDays);
        }
        this.personnelListLeadDays = personnelListLeadDays;
        this.personnelListBeforeEndDays = personnelListBeforeEndDays;
    }

    public int personnelListLeadDays() {
        return personnelListLeadDays;
    }

    /** The round's work summary, due on its last day. */
    public Obligation summary(Round round) {
        return new Obligation(DeadlineKind.ROUND_SUMMARY, round.name() + "工作总结", round.end(), null, null,
                round.name(), Obligation.keyOf(DeadlineKind.ROUND_SUMMARY, round.name()));
    }

    /** The round's evaluation suggestions, due on its last day. */
    public Obligation evaluation(Round round) {
        return new Obligation(DeadlineKind.EVALUATION, round.name() + "考评建议（可推荐1-2名个人）", round.end(), null,
                null, round.name(), Obligation.keyOf(DeadlineKind.EVALUATION, round.name()));
    }

    /** The personnel list of the round {@code nextRoundName}, which starts on {@code nextRoundStart}. */
    public Obligation personnelList(String nextRoundName, LocalDate nextRoundStart) {
        Obligation.requireName(nextRoundName, "round");
        Objects.requireNonNull(nextRoundStart, "nextRoundStart");
        return new Obligation(DeadlineKind.PERSONNEL_LIST, nextRoundName + "人员名单",
                nextRoundStart.minusDays(personnelListLeadDays), null, null, nextRoundName,
                Obligation.keyOf(DeadlineKind.PERSONNEL_LIST, nextRoundName));
    }

    /**
     * The personnel list of whatever round follows {@code round}, while none is known: due
     * {@code personnelListBeforeEndDays} days before it ends (never before it starts).
     */
    public Obligation personnelListAfter(Round round) {
        LocalDate due = round.end().minusDays(personnelListBeforeEndDays);
        return new Obligation(DeadlineKind.PERSONNEL_LIST, round.name() + "之后下一轮人员名单",
                due.isBefore(round.start()) ? round.start() : due, null, null, round.name(),
                Obligation.keyOf(DeadlineKind.PERSONNEL_LIST, round.name() + "之后"));
    }

    /**
     * The personnel list of the round after {@code round} (not yet known), then the summary and the evaluation of
     * {@code round}, both due on its last day.
     */
    public List<Obligation> obligations(Round round) {
        return List.of(personnelListAfter(round), summary(round), evaluation(round));
    }

    /**
     * The summary and the evaluation of {@code round}, and the personnel list of the next round: of the one given
     * ({@code nextRoundName} and {@code nextRoundStart} both given), or else (both {@code null}) of the round after
     * it, still unknown; in order of due date (the personnel list first on a tie).
     */
    public List<Obligation> obligations(Round round, String nextRoundName, LocalDate nextRoundStart) {
        if ((nextRoundName == null) != (nextRoundStart == null)) {
            throw new IllegalArgumentException("the next round needs both its name and its start, or neither");
        }
        if (nextRoundName == null) {
            return obligations(round);
        }
        Obligation personnelList = personnelList(nextRoundName, nextRoundStart);
        List<Obligation> all = new ArrayList<>(List.of(summary(round), evaluation(round)));
        all.add(personnelList.dueDate().isAfter(round.end()) ? 2 : 0, personnelList);
        return List.copyOf(all);
    }
}
