package cn.mee.liaison.scheduler.deadline;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One thing that is due on a date: what kind, the Chinese title people read, and what it concerns (a unit, a city
 * and/or a round; the others are {@code null}).
 *
 * <p>{@code key} names the obligation across recomputations, so that its status (done, waived …) can be stored by
 * key: the same inputs always give the same key, and a key never changes when only the title wording does. Keys
 * are the kind's name and the parts that identify it, joined by {@code |}, e.g. {@code QUARTERLY_REPORT|<unit>|2026Q4},
 * {@code CITY_FEEDBACK|<city>|2026-11-20} (the last feedback it follows), {@code ROUND_SUMMARY|<round>}. A {@code |}
 * or {@code \} inside a name is escaped with a {@code \}, so distinct names never give the same key.
 */
public record Obligation(DeadlineKind kind, String title, LocalDate dueDate, String unit, String city, String round,
                         String key) {

    public Obligation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dueDate, "dueDate");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("an obligation needs a title");
        }
        if (key == null || !key.startsWith(kind.name() + "|")) {
            throw new IllegalArgumentException("the key of a " + kind + " obligation starts with \"" + kind + "|\": "
                    + key);
        }
    }

    /** The key for {@code kind} and the identifying {@code parts}: {@code KIND|part1|part2}, each part escaped. */
    public static String keyOf(DeadlineKind kind, String... parts) {
        StringBuilder key = new StringBuilder(kind.name());
        for (String part : parts) {
            key.append('|').append(Objects.requireNonNull(part, "key part").replace("\\", "\\\\").replace("|", "\\|"));
        }
        return key.toString();
    }

    static String requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a " + what + " name is needed");
        }
        return name;
    }

    static void requireRange(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw new IllegalArgumentException("a date range needs both ends");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends (" + to + ") before it starts (" + from + ")");
        }
    }
}
