package cn.mee.liaison.bot.deadline;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

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
        long left = ChronoUnit.DAYS.between(today, deadline.dueDate());
        String whose = whose(deadline);
        String head;
        if (left > 0) {
            head = "【截止提醒】" + deadline.title() + whose + "将于" + day(deadline.dueDate()) + "截止，还有" + left + "天。";
        } else if (left == 0) {
            head = "【截止提醒】" + deadline.title() + whose + "今天（" + day(deadline.dueDate()) + "）截止。";
        } else {
            head = "【逾期提醒】" + deadline.title() + whose + "已于" + day(deadline.dueDate()) + "截止，已逾期" + (-left)
                    + "天，请尽快完成。";
        }
        return head + "\n完成后请回复\u201c" + doneHint(deadline) + "\u201d；如需延后提醒，回复\u201c延后 3天\u201d。";
    }

    static String escalation(Deadline deadline) {
        return "【逾期未完成】" + deadline.title() + whose(deadline) + "已于" + day(deadline.dueDate())
                + "截止，至今未完成（编号 " + deadline.id() + "）。";
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
