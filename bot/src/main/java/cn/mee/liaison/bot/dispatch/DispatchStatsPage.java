package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.security.Viewer;
import cn.mee.liaison.bot.web.BadRequest;
import cn.mee.liaison.storage.directory.GroupKind;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 每日调度 → 统计与排名 in the console: completion and figures per day over a range (charts, from
 * {@code /dispatch/stats/data}, the same JSON as {@code GET /api/v1/dispatch/range}), and units and groups ranked by
 * completeness and punctuality (第十二条).
 */
@Controller
class DispatchStatsPage {

    /** The range shown when none is asked for: the last 30 days up to today. */
    static final int DEFAULT_DAYS = 30;

    private final DispatchBoard board;
    private final DirectoryCache directory;
    private final Clock clock;

    DispatchStatsPage(DispatchBoard board, DirectoryCache directory, Clock clock) {
        this.board = board;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/dispatch/stats")
    String stats(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                 @RequestParam(required = false) String city, @RequestParam(required = false) String unit,
                 @RequestParam(required = false) GroupKind kind, Model model) {
        Viewer viewer = Viewer.current();
        BoardQuery query;
        try {
            query = query(from, to, city, unit, kind);
        } catch (BadRequest e) {
            model.addAttribute("error", e.getMessage());
            query = query(null, null, city, unit, kind);
        }
        DispatchRange range = range(query, viewer);
        model.addAttribute("range", range);
        model.addAttribute("unitRows", StandingsHtml.of(range.units(), false));
        model.addAttribute("groupRows", StandingsHtml.of(range.groups(), true));
        model.addAttribute("query", query);
        model.addAttribute("choices", FilterChoices.of(directory.snapshot(), viewer));
        model.addAttribute("mayExport", viewer.mayExport());
        model.addAttribute("data", query.rangeLink("/dispatch/stats/data", query.from(), query.to()));
        model.addAttribute("export", query.rangeLink("/dispatch/export.xlsx", query.from(), query.to()));
        return "dispatch-stats";
    }

    /** The range for the charts: each day summed up per city, unit and kind, and the rankings. */
    @GetMapping("/dispatch/stats/data")
    @ResponseBody
    Map<String, Object> data(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(required = false) String city, @RequestParam(required = false) String unit,
                             @RequestParam(required = false) GroupKind kind) {
        return BoardJson.range(range(query(from, to, city, unit, kind), Viewer.current()));
    }

    private DispatchRange range(BoardQuery query, Viewer viewer) {
        return DispatchRange.of(query.from(), query.to(),
                board.figuresBetween(query.from(), query.to(), query.filter().within(viewer)));
    }

    private BoardQuery query(String from, String to, String city, String unit, GroupKind kind) {
        LocalDate end = DispatchDates.parse("to", to, clock);
        LocalDate start = from == null || from.isBlank() ? end.minusDays(DEFAULT_DAYS - 1)
                : DispatchDates.parse("from", from, clock);
        DispatchDates.checkRange(start, end);
        return new BoardQuery(start, end, city, unit, kind);
    }
}
