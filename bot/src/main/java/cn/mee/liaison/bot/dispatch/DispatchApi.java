package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.bot.security.Viewer;
import cn.mee.liaison.storage.directory.GroupKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/dispatch")
@Tag(name = "每日工作调度", description = "各工作组每个工作日报送的调度情况：看板、提醒、汇总、统计与导出")
class DispatchApi {

    private final DispatchBoard board;
    private final DispatchStages stages;
    private final DispatchExport export;
    private final ReportHistory history;
    private final Clock clock;

    DispatchApi(DispatchBoard board, DispatchStages stages, DispatchExport export, ReportHistory history,
                Clock clock) {
        this.board = board;
        this.stages = stages;
        this.export = export;
        this.history = history;
        this.clock = clock;
    }

    @GetMapping("/{date}")
    @Operation(summary = "某日看板：每个应报工作组的状态（SUBMITTED 按时 / LATE 迟报 / MISSING 未报）、报送时间与数据",
            description = "date 为 YYYY-MM-DD 或 today；可按 city、unit（名称）和 kind（CENTRAL/ORDINARY/SPECIAL）筛选。")
    Map<String, Object> day(@PathVariable String date, @RequestParam(required = false) String city,
                            @RequestParam(required = false) String unit,
                            @RequestParam(required = false) GroupKind kind) {
        LocalDate day = DispatchDates.parse("date", date, clock);
        return BoardJson.board(board.on(day).filter(scope(city, unit, kind)), clock.getZone());
    }

    @PostMapping("/{date}/remind")
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF','UNIT_COORDINATOR')")
    @Operation(summary = "立即提醒尚未报送的工作组（在其群内 @组长）",
            description = "返回被提醒的工作组。包保单位协调联络员只提醒本单位的工作组。")
    Map<String, Object> remind(@PathVariable String date, @RequestParam(required = false) String city,
                               @RequestParam(required = false) String unit,
                               @RequestParam(required = false) GroupKind kind) {
        LocalDate day = DispatchDates.parse("date", date, clock);
        DispatchDates.checkRemindable(day, clock);
        List<BoardRow> reminded = stages.remindNow(day, scope(city, unit, kind));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", day.toString());
        body.put("reminded", BoardJson.reminded(reminded));
        return body;
    }

    @GetMapping("/{date}/groups/{group}/history")
    @Operation(summary = "某工作组当天的历次报送：当前版本在前，其后是被替换的版本（新的在前），各含报送时间、报送人和数据",
            description = "group 为工作组 id 或名称；同名工作组有多个时加 city（城市名称）区分，否则 400。"
                    + "只能查看看板上可见的工作组（包保单位协调联络员只看本单位）。")
    Map<String, Object> history(@PathVariable String date, @PathVariable String group,
                                @RequestParam(required = false) String city) {
        LocalDate day = DispatchDates.parse("date", date, clock);
        return ReportHistory.json(day, history.of(day, group, city, scope(null, null, null)), clock.getZone());
    }

    @GetMapping("/{date}/summary")
    @Operation(summary = "某日汇总：按城市、包保单位、工作组类型统计报送情况和各项数据合计，并附推送到群里的 markdown 文本")
    Map<String, Object> summary(@PathVariable String date, @RequestParam(required = false) String city,
                                @RequestParam(required = false) String unit,
                                @RequestParam(required = false) GroupKind kind) {
        LocalDate day = DispatchDates.parse("date", date, clock);
        DaySummary summary = DaySummary.of(board.on(day).filter(scope(city, unit, kind)));
        Map<String, Object> body = BoardJson.summary(summary);
        body.put("markdown", city == null || city.isBlank() ? SummaryText.forBureau(summary)
                : SummaryText.forCity(summary, city, clock.getZone()));
        return body;
    }

    @GetMapping("/range")
    @Operation(summary = "一段时间的每日汇总（用于报送率和数据走势图）及包保单位、工作组按完整率和及时率的排名",
            description = "from、to 为 YYYY-MM-DD，含首尾，最多 366 天。")
    Map<String, Object> range(@RequestParam String from, @RequestParam String to,
                              @RequestParam(required = false) String city,
                              @RequestParam(required = false) String unit,
                              @RequestParam(required = false) GroupKind kind) {
        LocalDate start = DispatchDates.parse("from", from, clock);
        LocalDate end = DispatchDates.parse("to", to, clock);
        DispatchDates.checkRange(start, end);
        return BoardJson.range(DispatchRange.of(start, end, board.figuresBetween(start, end, scope(city, unit, kind))));
    }

    @GetMapping("/export")
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF','UNIT_COORDINATOR')")
    @Operation(summary = "导出 Excel：逐日逐组明细、每日汇总和排名",
            description = "from、to 为 YYYY-MM-DD（只导出一天时两者相同）。")
    void export(@RequestParam String from, @RequestParam String to, @RequestParam(required = false) String city,
                @RequestParam(required = false) String unit, @RequestParam(required = false) GroupKind kind,
                HttpServletResponse response) throws IOException {
        LocalDate start = DispatchDates.parse("from", from, clock);
        LocalDate end = DispatchDates.parse("to", to, clock);
        DispatchDates.checkRange(start, end);
        Viewer viewer = Viewer.current();
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, DispatchExport.disposition(start, end));
        export.write(start, end, scope(city, unit, kind), viewer, response.getOutputStream());
    }

    private static Predicate<BoardRow> scope(String city, String unit, GroupKind kind) {
        return new BoardFilter(city, unit, kind).within(Viewer.current());
    }
}
