package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.bot.calendar.CalendarGap;
import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.security.Viewer;
import cn.mee.liaison.bot.web.BadRequest;
import cn.mee.liaison.storage.directory.GroupKind;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 每日调度 → 看板 in the console: the day's board (the same as {@code GET /api/v1/dispatch/{date}}), 催报 of the
 * groups still missing, and the Excel export of a day or a range.
 */
@Controller
class DispatchPage {

    private final DispatchBoard board;
    private final DispatchStages stages;
    private final DispatchExport export;
    private final DirectoryCache directory;
    private final ReportHistory history;
    private final CalendarGap calendarGap;
    private final Clock clock;

    DispatchPage(DispatchBoard board, DispatchStages stages, DispatchExport export, DirectoryCache directory,
                 ReportHistory history, CalendarGap calendarGap, Clock clock) {
        this.board = board;
        this.stages = stages;
        this.export = export;
        this.directory = directory;
        this.history = history;
        this.calendarGap = calendarGap;
        this.clock = clock;
    }

    @GetMapping("/dispatch")
    String board(@RequestParam(required = false) String date, @RequestParam(required = false) String city,
                 @RequestParam(required = false) String unit, @RequestParam(required = false) GroupKind kind,
                 Model model) {
        Viewer viewer = Viewer.current();
        LocalDate today = LocalDate.now(clock);
        LocalDate day = today;
        try {
            day = DispatchDates.parse("date", date, clock);
        } catch (BadRequest e) {
            model.addAttribute("error", e.getMessage());
        }
        BoardQuery query = new BoardQuery(day, day, city, unit, kind);
        BoardView view = BoardView.of(board.on(day).filter(query.filter().within(viewer)), clock.getZone());
        model.addAttribute("board", view);
        model.addAttribute("query", query);
        model.addAttribute("today", today);
        model.addAttribute("choices", FilterChoices.of(directory.snapshot(), viewer));
        model.addAttribute("mayExport", viewer.mayExport());
        model.addAttribute("mayRemind", !day.isAfter(today) && view.total().owing() > 0);
        model.addAttribute("previous", query.dayLink("/dispatch", day.minusDays(1)));
        model.addAttribute("next", query.dayLink("/dispatch", day.plusDays(1)));
        model.addAttribute("dayExport", query.rangeLink("/dispatch/export.xlsx", day, day));
        model.addAttribute("rangeFrom", day.withDayOfMonth(1));
        model.addAttribute("calendarGap", calendarGap.banner().orElse(null));
        return "dispatch";
    }

    /** The board's 历次报送 of a group (its id), as an HTML fragment the board's row unfolds. */
    @GetMapping(value = "/dispatch/history", produces = "text/html;charset=UTF-8")
    @ResponseBody
    String history(@RequestParam String date, @RequestParam String group) {
        LocalDate day = DispatchDates.parse("date", date, clock);
        return ReportHistory.html(history.of(day, group, null, BoardFilter.none().within(Viewer.current())),
                clock.getZone());
    }

    @PostMapping("/dispatch/remind")
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF','UNIT_COORDINATOR')")
    String remind(@RequestParam String date, @RequestParam(required = false) String city,
                  @RequestParam(required = false) String unit, @RequestParam(required = false) GroupKind kind,
                  RedirectAttributes flash) {
        LocalDate day = DispatchDates.parse("date", date, clock);
        BoardQuery query = new BoardQuery(day, day, city, unit, kind);
        try {
            DispatchDates.checkRemindable(day, clock);
            List<BoardRow> reminded = stages.remindNow(day, query.filter().within(Viewer.current()));
            flash.addFlashAttribute("ok", reminded.isEmpty() ? "没有需要提醒的工作组：所选范围内应报的工作组都已报送。"
                    : "已在群内提醒 " + reminded.size() + " 个尚未报送的工作组："
                    + String.join("、", reminded.stream().map(r -> r.group().name()).toList()) + "。");
        } catch (BadRequest e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + query.dayLink("/dispatch", day);
    }

    /** A day (from = to) or a range as Excel, through the same export as the API; viewers may not export. */
    @GetMapping("/dispatch/export.xlsx")
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF','UNIT_COORDINATOR')")
    void export(@RequestParam String from, @RequestParam String to, @RequestParam(required = false) String city,
                @RequestParam(required = false) String unit, @RequestParam(required = false) GroupKind kind,
                HttpServletResponse response) throws IOException {
        LocalDate start = DispatchDates.parse("from", from, clock);
        LocalDate end = DispatchDates.parse("to", to, clock);
        DispatchDates.checkRange(start, end);
        Viewer viewer = Viewer.current();
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, DispatchExport.disposition(start, end));
        export.write(start, end, new BoardQuery(start, end, city, unit, kind).filter(), viewer,
                response.getOutputStream());
    }
}
