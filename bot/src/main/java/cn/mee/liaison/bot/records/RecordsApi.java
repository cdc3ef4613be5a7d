package cn.mee.liaison.bot.records;

import cn.mee.liaison.bot.security.Viewer;
import cn.mee.liaison.bot.web.NotFound;
import cn.mee.liaison.bot.cases.SharedCases;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/messages")
@Tag(name = "消息记录", description = "每条进入机器人的消息都已归档为结构化记录")
class RecordsApi {

    private final RecordSearch search;
    private final RecordExport export;
    private final SharedCases cases;

    RecordsApi(RecordSearch search, RecordExport export, SharedCases cases) {
        this.search = search;
        this.export = export;
        this.cases = cases;
    }

    @PostMapping("/{id:\\d+}/share")
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF')")
    @Operation(summary = "把一条【典型案例】记录标记为共享，下次定期推送时发给所有工作组")
    Map<String, Boolean> share(@PathVariable long id, Principal principal) {
        return Map.of("marked", cases.mark(id, principal.getName()));
    }

    @GetMapping
    @Operation(summary = "查询归档记录（最新在前）",
            description = "from/to 可为日期（YYYY-MM-DD，to 含当天）或时间；q 为正文关键词；page 从 0 开始，size 不超过 200。"
                    + "包保单位协调联络员只能看到本单位的记录。total 为符合条件的总数：超过 1000 条（可配置）时不再逐条计数，"
                    + "total 为已计到的数，totalExact 为 false；要精确总数时加 exactTotal=true（较慢）。")
    RecordPage list(@RequestParam(required = false) String chatId,
                    @RequestParam(required = false) @Parameter(description = "记录类型，如 DAILY_REPORT") String type,
                    @RequestParam(required = false) String from,
                    @RequestParam(required = false) String to,
                    @RequestParam(required = false) String q,
                    @RequestParam(required = false) Long groupId,
                    @RequestParam(required = false) Long unitId,
                    @RequestParam(required = false) Long cityId,
                    @RequestParam(required = false) Long roundId,
                    @RequestParam(required = false) String senderId,
                    @RequestParam(defaultValue = "0") int page,
                    @RequestParam(defaultValue = "20") int size,
                    @RequestParam(defaultValue = "false") @Parameter(description = "精确计数（命中很多时较慢）")
                    boolean exactTotal) {
        RecordFilter filter = new RecordFilter(chatId, groupId, unitId, cityId, roundId, type, senderId, from, to, q);
        return search.search(filter, Viewer.current(), page, size, exactTotal);
    }

    @GetMapping("/export.xlsx")
    @Operation(summary = "按同样的筛选条件导出 Excel（.xlsx）", description = "只读用户不能导出；每次导出都记入审计日志。")
    void export(@RequestParam(required = false) String chatId, @RequestParam(required = false) String type,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String q, @RequestParam(required = false) Long groupId,
                @RequestParam(required = false) Long unitId, @RequestParam(required = false) Long cityId,
                @RequestParam(required = false) Long roundId, @RequestParam(required = false) String senderId,
                HttpServletResponse response) throws IOException {
        RecordFilter filter = new RecordFilter(chatId, groupId, unitId, cityId, roundId, type, senderId, from, to, q);
        Viewer viewer = Viewer.current();
        export.check(filter, viewer);
        RecordsPage.RecordExportResponse.start(response, "消息记录");
        export.export(filter, viewer, response.getOutputStream());
    }

    @GetMapping("/{id:\\d+}")
    @Operation(summary = "一条记录，含解析字段和原始报文")
    RecordView one(@PathVariable long id) {
        return search.find(id, Viewer.current()).orElseThrow(() -> new NotFound("没有编号为 " + id + " 的记录"));
    }
}
