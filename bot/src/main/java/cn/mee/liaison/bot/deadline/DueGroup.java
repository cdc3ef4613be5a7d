package cn.mee.liaison.bot.deadline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The open deadlines of one responsible unit, or of one city, in the list of what is due and overdue. */
record DueGroup(String name, List<DeadlineLine> lines) {

    static final String NO_UNIT = "（未指定包保单位）";
    static final String NO_CITY = "（不涉及具体城市）";

    /** How the list is grouped. */
    enum By {
        UNIT("按包保单位"), CITY("按城市");

        private final String label;

        By(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public long overdue() {
        return lines.stream().filter(l -> l.state() == DueState.OVERDUE).count();
    }

    /** Those not overdue yet: due today or later. */
    public long upcoming() {
        return lines.size() - overdue();
    }

    /** The lines grouped, groups by name (those of no unit or city last), each group's lines by due date. */
    static List<DueGroup> of(List<DeadlineLine> lines, By by) {
        Function<DeadlineLine, String> name = by == By.UNIT
                ? l -> l.deadline().unit() == null ? NO_UNIT : l.deadline().unit()
                : l -> l.deadline().city() == null ? NO_CITY : l.deadline().city();
        Map<String, List<DeadlineLine>> grouped = new LinkedHashMap<>();
        lines.stream().sorted(Comparator.comparing((DeadlineLine l) -> l.deadline().dueDate())
                        .thenComparing(l -> l.deadline().id()))
                .forEach(l -> grouped.computeIfAbsent(name.apply(l), k -> new ArrayList<>()).add(l));
        return grouped.entrySet().stream().map(e -> new DueGroup(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing((DueGroup g) -> g.name().equals(NO_UNIT) || g.name().equals(NO_CITY))
                        .thenComparing(DueGroup::name))
                .toList();
    }
}
