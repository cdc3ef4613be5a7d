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
 *   <li>{@link DeadlineKind#PERSONNEL_LIST} of the next round (第三条(三)), when its start is known: due
 *       {@code personnelListLeadDays} days (default 7) before it starts: {@code <下一轮次>人员名单}, key
 *       {@code PERSONNEL_LIST|<next round>}.</li>
 * </ul>
 */
public class RoundRules {

    public static final int DEFAULT_PERSONNEL_LIST_LEAD_DAYS = 7;

    private final int personnelListLeadDays;

    /** The rules with the personnel list due 7 days before the next round starts. */
    public RoundRules() {
        this(DEFAULT_PERSONNEL_LIST_LEAD_DAYS);
    }

    /** The rules with the personnel list due {@code personnelListLeadDays} (0 or more) days before a round starts. */
    public RoundRules(int personnelListLeadDays) {
        if (personnelListLeadDays < 0) {
            throw new IllegalArgumentException("the personnel list cannot be due after the round starts: "
                    + personnelListLeadDays);
        }
        this.personnelListLeadDays = personnelListLeadDays;
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

    /** The summary and the evaluation of {@code round}, both due on its last day (the next round not yet known). */
    public List<Obligation> obligations(Round round) {
        return List.of(summary(round), evaluation(round));
    }

    /**
     * The summary and the evaluation of {@code round}, and, when the next round is known ({@code nextRoundName} and
     * {@code nextRoundStart} both given, or both {@code null}), its personnel list; in order of due date (the
     * personnel list first on a tie).
     */
    public List<Obligation> obligations(Round round, String nextRoundName, LocalDate nextRoundStart) {
        if ((nextRoundName == null) != (nextRoundStart == null)) {
            throw new IllegalArgumentException("the next round needs both its name and its start, or neither");
        }
        if (nextRoundName == null) {
            return obligations(round);
        }
        Obligation personnelList = personnelList(nextRoundName, nextRoundStart);
        List<Obligation> all = new ArrayList<>(obligations(round));
        all.add(personnelList.dueDate().isAfter(round.end()) ? 2 : 0, personnelList);
        return List.copyOf(all);
    }
}
