package cn.mee.liaison.bot.calendar;

import cn.mee.liaison.bot.audit.AuditTrail;
import cn.mee.liaison.bot.web.BadRequest;
import cn.mee.liaison.scheduler.calendar.WorkdayCalendar;
import cn.mee.liaison.storage.calendar.CalendarDay;
import cn.mee.liaison.storage.calendar.DayKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to the working-day calendar by a person, from the API or the console, each audited. */
@Service
class CalendarChanges {

    private final WorkdayCalendar calendar;
    private final AuditTrail audit;

    CalendarChanges(WorkdayCalendar calendar, AuditTrail audit) {
        this.calendar = calendar;
        this.audit = audit;
    }

    /** Makes a day a holiday (放假) or a make-up working day (调休上班). */
    @Transactional
    CalendarDay set(LocalDate day, DayKind kind, String name, String actor) {
        if (kind == null) {
            throw new BadRequest("invalid_request", "kind：应为 HOLIDAY（放假）或 WORKDAY（调休上班）");
        }
        String text = name == null || name.isBlank() ? null : name.strip();
        calendar.set(day, kind, text, actor);
        audit.record(actor, AuditTrail.CALENDAR_CHANGED, day.toString(),
                (kind == DayKind.HOLIDAY ? "放假" : "调休上班") + (text == null ? "" : " " + text));
        return calendar.special(day).orElseThrow();
    }

    /** Counts a day by its weekday again; false when it was not special. */
    @Transactional
    boolean clear(LocalDate day, String actor) {
        if (!calendar.remove(day)) {
            return false;
        }
        audit.record(actor, AuditTrail.CALENDAR_CHANGED, day.toString(), "恢复按星期计");
        return true;
    }

    /**
     * Imports a calendar file (date,kind,name per line), replacing the days it names; a file with any bad line is
     * refused whole, naming every bad line.
     *
     * @return how many days were added or replaced
     */
    @Transactional
    int importFile(String file, String actor) {
        int changed;
        try {
            changed = calendar.importFile(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
                    "upload", actor, true);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("invalid_calendar", e.getMessage());
        }
        audit.record(actor, AuditTrail.CALENDAR_CHANGED, "导入", "导入 " + changed + " 天");
        return changed;
    }
}
