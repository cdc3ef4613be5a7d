package cn.mee.liaison.scheduler.deadline;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 第九条: each responsible unit reports its progress in writing every quarter.
 *
 * <ul>
 *   <li>2019-08-31: the stage before, titled {@code 2019年前一阶段工作进展书面报告} (key period {@code 2019STAGE});</li>
 *   <li>2019-12-31: the year 2019, {@code 2019年度工作进展书面报告} (key period {@code 2019Q4});</li>
 *   <li>from 2020, every quarter end: 03-31 {@code 2026年第一季度工作进展书面报告}, 06-30 {@code …第二季度…},
 *       09-30 {@code …第三季度…}, and 12-31, the annual report, {@code 2026年度工作进展书面报告（第四季度）}
 *       (key periods {@code 2026Q1} … {@code 2026Q4}).</li>
 * </ul>
 * Nothing is due before 2019-08-31. Keys are {@code QUARTERLY_REPORT|<unit>|<period>}.
 */
public class QuarterlyReportRule {

    /** The first report the rules ask for. */
    public static final LocalDate FIRST_DUE = LocalDate.of(2019, 8, 31);

    private static final LocalDate ANNUAL_2019 = LocalDate.of(2019, 12, 31);
    private static final String[] QUARTER_NAMES = {"第一季度", "第二季度", "第三季度", "第四季度"};

    /** The due dates in {@code [from, to]} (both inclusive), in order. */
    public List<LocalDate> dueDates(LocalDate from, LocalDate to) {
        Obligation.requireRange(from, to);
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate due = firstOnOrAfter(from); !due.isAfter(to); due = after(due)) {
            dates.add(due);
        }
        return dates;
    }

    /** The reports {@code unit} owes with a due date in {@code [from, to]} (both inclusive), in order. */
    public List<Obligation> obligations(String unit, LocalDate from, LocalDate to) {
        Obligation.requireName(unit, "unit");
        return dueDates(from, to).stream().map(due -> obligation(unit, due)).toList();
    }

    /** The first report {@code unit} owes on or after {@code date}. */
    public Obligation next(String unit, LocalDate date) {
        return obligation(Obligation.requireName(unit, "unit"), firstOnOrAfter(date));
    }

    /** Whether a report is due on {@code date}. */
    public boolean isDueDate(LocalDate date) {
        return firstOnOrAfter(date).equals(date);
    }

    private static Obligation obligation(String unit, LocalDate due) {
        String title;
        String period;
        if (due.equals(FIRST_DUE)) {
            title = "2019年前一阶段工作进展书面报告";
            period = "2019STAGE";
        } else if (due.equals(ANNUAL_2019)) {
            title = "2019年度工作进展书面报告";
            period = "2019Q4";
        } else {
            int quarter = due.getMonthValue() / 3;
            title = quarter == 4
                    ? due.getYear() + "年度工作进展书面报告（第四季度）"
                    : due.getYear() + "年" + QUARTER_NAMES[quarter - 1] + "工作进展书面报告";
            period = due.getYear() + "Q" + quarter;
        }
        return new Obligation(DeadlineKind.QUARTERLY_REPORT, title, due, unit, null, null,
                Obligation.keyOf(DeadlineKind.QUARTERLY_REPORT, unit, period));
    }

    private static LocalDate firstOnOrAfter(LocalDate date) {
        if (!date.isAfter(FIRST_DUE)) {
            return FIRST_DUE;
        }
        if (!date.isAfter(ANNUAL_2019)) {
            return ANNUAL_2019;
        }
        Month quarterEnd = date.getMonth().firstMonthOfQuarter().plus(2);
        return LocalDate.of(date.getYear(), quarterEnd, quarterEnd.length(false));
    }

    private static LocalDate after(LocalDate due) {
        return firstOnOrAfter(due.plusDays(1));
    }
}
