package cn.mee.liaison.bot.deadline;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** What the reminders of a deadline say. */
final class DeadlineTexts {

    private DeadlineTexts() {
    }

    static String day(LocalDate day) {
        return day.getMonthValue() + "月" + day.getDayOfMonth() + "日（"
                + day.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.SIMPLIFIED_CHINESE).replace("星期", "周")
                + "）";
    }

    static String reminder(Deadline deadline, LocalDate today) {
        String head = deadline.dueDate().isBefore(today) ? "【逾期提醒】" + state(deadline, today) + "，请尽快完成。"
                : "【截止提醒】" + state(deadline, today) + "。";
        return head + "\n完成后请回复\u201c" + doneHint(deadline) + "\u201d；如需延后提醒，回复\u201c延后 3天\u201d。";
    }

    /**
     * One message for several deadlines reminded to the same people at once: a numbered line each (the overdue first,
     * then by due date), with its number and what to answer when it is done.
     */
    static String reminders(List<Deadline> deadlines, LocalDate today) {
        return numbered("【截止提醒】以下" + deadlines.size() + "项事项需要办理：", deadlines,
                d -> (d.dueDate().isBefore(today) ? "【逾期】" : "") + state(d, today) + "（编号 " + d.id()
                        + "）。完成后回复\u201c" + doneHint(d) + "\u201d。")
                + "\n如需延后提醒，回复\u201c延后 3天\u201d（以上全部）或\u201c延后 3天 编号\u201d（其中一项）。";
    }

    static String escalation(Deadline deadline) {
        return "【逾期未完成】" + overdue(deadline) + "。";
    }

    /** One message to the bureau for several deadlines gone overdue at once. */
    static String escalations(List<Deadline> deadlines) {
        return numbered("【逾期未完成】以下" + deadlines.size() + "项事项已逾期：", deadlines, d -> overdue(d) + "。");
    }

    /** A head, then a numbered line per deadline, by due date (the overdue first). */
    private static String numbered(String head, List<Deadline> deadlines, Function<Deadline, String> line) {
        StringBuilder text = new StringBuilder(head);
        List<Deadline> ordered = deadlines.stream()
                .sorted(Comparator.comparing(Deadline::dueDate).thenComparingLong(Deadline::id)).toList();
        for (int i = 0; i < ordered.size(); i++) {
            text.append('\n').append(i + 1).append(". ").append(line.apply(ordered.get(i)));
        }
        return text.toString();
    }

    /** Where a deadline stands today: "…将于12月31日（周四）截止，还有7天", "…今天（…）截止", "…已逾期2天". */
    private static String state(Deadline deadline, LocalDate today) {
        long left = ChronoUnit.DAYS.between(today, deadline.dueDate());
        String what = deadline.title() + whose(deadline);
        if (left > 0) {
            return what + "将于" + day(deadline.dueDate()) + "截止，还有" + left + "天";
        }
        if (left == 0) {
            return what + "今天（" + day(deadline.dueDate()) + "）截止";
        }
        return what + "已于" + day(deadline.dueDate()) + "截止，已逾期" + (-left) + "天";
    }

    private static String overdue(Deadline deadline) {
        return deadline.title() + whose(deadline) + "已于" + day(deadline.dueDate()) + "截止，至今未完成（编号 "
                + deadline.id() + "）";
    }

    /** What to answer when it is done. */
    static String doneHint(Deadline deadline) {
        return switch (deadline.kind()) {
            case QUARTERLY_REPORT -> "已报送 " + quarterOf(deadline.row().key());
            case CITY_FEEDBACK -> "已反馈 " + deadline.city() + " 反馈会日期";
            default -> "已完成 " + deadline.id();
        };
    }

    /** {@code QUARTERLY_REPORT|unit|2026Q4} → {@code 2026年第四季度}; the 2019 stage report → {@code 2019年前一阶段}. */
    static String quarterOf(String key) {
        String period = key.substring(key.lastIndexOf('|') + 1);
        if (period.endsWith("STAGE")) {
            return period.substring(0, 4) + "年前一阶段";
        }
        String[] names = {"一", "二", "三", "四"};
        return period.substring(0, 4) + "年第" + names[period.charAt(5) - '1'] + "季度";
    }

    private static String whose(Deadline deadline) {
        if (deadline.unit() != null && deadline.city() != null) {
            return "（" + deadline.city() + "，" + deadline.unit() + "）";
        }
        if (deadline.unit() != null) {
            return "（" + deadline.unit() + "）";
        }
        return deadline.city() != null && !deadline.title().startsWith(deadline.city()) ? "（" + deadline.city() + "）"
                : "";
    }
}
