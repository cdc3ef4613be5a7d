package cn.mee.liaison.bot.calendar;

import cn.mee.liaison.bot.security.Viewer;
import cn.mee.liaison.bot.web.BadRequest;
import cn.mee.liaison.scheduler.calendar.CalendarFile;
import cn.mee.liaison.scheduler.calendar.WorkdayCalendar;
import cn.mee.liaison.storage.calendar.DayKind;
import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 工作日历 in the console: a year's months with the holidays and make-up working days marked; the bureau sets or
 * clears a day and uploads the next year's file (the same as {@code /api/v1/calendar}).
 */
@Controller
class CalendarPage {

    /** Upload files larger than this are no calendar. */
    private static final long MAX_FILE = 256 * 1024;

    private final WorkdayCalendar calendar;
    private final CalendarChanges changes;
    private final CalendarGap calendarGap;
    private final Clock clock;

    CalendarPage(WorkdayCalendar calendar, CalendarChanges changes, CalendarGap calendarGap, Clock clock) {
        this.calendar = calendar;
        this.changes = changes;
        this.calendarGap = calendarGap;
        this.clock = clock;
    }

    @GetMapping("/calendar")
    String year(@RequestParam(required = false) Integer year, Model model) {
        LocalDate today = LocalDate.now(clock);
        int shown = today.getYear();
        if (year != null) {
            try {
                CalendarYear.check(year);
                shown = year;
            } catch (BadRequest e) {
                model.addAttribute("error", e.getMessage());
            }
        }
        model.addAttribute("calendar", CalendarYear.of(shown, calendar.knowsYear(shown),
                calendar.between(LocalDate.of(shown, 1, 1), LocalDate.of(shown, 12, 31)), today));
        model.addAttribute("nextYear", today.getYear() + 1);
        model.addAttribute("today", today);
        model.addAttribute("mayEdit", Viewer.current().isBureau());
        model.addAttribute("calendarGap", calendarGap.banner().orElse(null));
        return "calendar";
    }

    /** Sets a day: {@code HOLIDAY} (放假), {@code WORKDAY} (调休上班) or {@code CLEAR} (按星期计). */
    @PostMapping("/calendar/day")
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF')")
    String day(@RequestParam String date, @RequestParam String kind, @RequestParam(required = false) String name,
               Principal principal, RedirectAttributes flash) {
        LocalDate day;
        try {
            day = LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            flash.addFlashAttribute("error", "日期\u201c" + date + "\u201d无效，应为 YYYY-MM-DD");
            return "redirect:/calendar";
        }
        if ("CLEAR".equals(kind)) {
            flash.addFlashAttribute("ok", changes.clear(day, principal.getName())
                    ? day + " 已恢复按星期计（周一至周五上班，周六日休息）。" : day + " 本就按星期计，没有变化。");
        } else if ("HOLIDAY".equals(kind) || "WORKDAY".equals(kind)) {
            DayKind dayKind = DayKind.valueOf(kind);
            changes.set(day, dayKind, name, principal.getName());
            flash.addFlashAttribute("ok", day + " 已设为" + (dayKind == DayKind.HOLIDAY ? "放假" : "调休上班")
                    + (name == null || name.isBlank() ? "" : "（" + name.strip() + "）") + "。");
        } else {
            flash.addFlashAttribute("error", "请选择放假、调休上班或恢复按星期计。");
        }
        return "redirect:/calendar?year=" + day.getYear();
    }

    /** A year's file (date,kind,name per line), refused whole with every bad line named. */
    @PostMapping("/calendar/import")
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF')")
    String importFile(@RequestParam("file") MultipartFile file, @RequestParam(required = false) Integer year,
                      Principal principal, RedirectAttributes flash) throws IOException {
        String back = "redirect:/calendar" + (year == null ? "" : "?year=" + year);
        if (file.isEmpty()) {
            flash.addFlashAttribute("error", "请选择要导入的节假日文件（.csv 或 .txt）。");
            return back;
        }
        if (file.getSize() > MAX_FILE) {
            flash.addFlashAttribute("error", "文件太大：节假日文件每天一行，应远小于 256 KB。");
            return back;
        }
        try {
            int changed = changes.importFile(CalendarFile.text(file.getBytes()), principal.getName());
            flash.addFlashAttribute("ok", "已导入 " + changed + " 天（" + file.getOriginalFilename() + "）。");
        } catch (BadRequest e) {
            flash.addFlashAttribute("error", e.getMessage().replaceFirst("：", "：\n").replace("；", "\n"));
        }
        return back;
    }
}
