package cn.mee.liaison.bot.calendar;

import cn.mee.liaison.bot.web.BadRequest;
import cn.mee.liaison.bot.web.NotFound;
import cn.mee.liaison.scheduler.calendar.WorkdayCalendar;
import cn.mee.liaison.storage.calendar.CalendarDay;
import cn.mee.liaison.storage.calendar.DayKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "节假日", description = "法定节假日和调休上班日：决定哪些天要报送每日工作调度")
class CalendarApi {

    private final WorkdayCalendar calendar;
    private final CalendarChanges changes;

    CalendarApi(WorkdayCalendar calendar, CalendarChanges changes) {
        this.calendar = calendar;
        this.changes = changes;
    }

    record DayRequest(DayKind kind, String name) {
    }

    @GetMapping
    @Operation(summary = "某年的节假日和调休上班日（其余周一至周五为工作日、周六日休息）")
    Map<String, Object> year(@RequestParam int year) {
        CalendarYear.check(year);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", year);
        body.put("known", calendar.knowsYear(year));
        body.put("days", calendar.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).stream()
                .map(CalendarApi::view).toList());
        return body;
    }

    @PutMapping("/{date}")
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF')")
    @Operation(summary = "设置某天为放假（HOLIDAY）或调休上班（WORKDAY）")
    Map<String, Object> set(@PathVariable String date, @RequestBody DayRequest request, Principal principal) {
        LocalDate day = day(date);
        return view(changes.set(day, request == null ? null : request.kind(), request == null ? null : request.name(),
                principal.getName()));
    }

    @DeleteMapping("/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF')")
    @Operation(summary = "恢复某天为按星期计（周一至周五上班，周六日休息）")
    void remove(@PathVariable String date, Principal principal) {
        LocalDate day = day(date);
        if (!changes.clear(day, principal.getName())) {
            throw new NotFound(day + " 不是节假日或调休上班日");
        }
    }

    @PostMapping(value = "/import", consumes = {MediaType.TEXT_PLAIN_VALUE, "text/csv"})
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF')")
    @Operation(summary = "导入节假日文件（每行\u201c日期,类型,名称\u201d，类型 HOLIDAY/放假 或 WORKDAY/上班），覆盖已有的同日设置",
            description = "国务院公布下一年安排后上传即可；有任何一行有误则整个文件不导入，并列出所有错误行。")
    Map<String, Object> importFile(@RequestBody String file, Principal principal) {
        return Map.of("changed", changes.importFile(file, principal.getName()));
    }

    static Map<String, Object> view(CalendarDay day) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", day.day().toString());
        body.put("kind", day.kind().name());
        body.put("name", day.name());
        body.put("source", day.source());
        body.put("updatedBy", day.updatedBy());
        return body;
    }

    private static LocalDate day(String date) {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new BadRequest("invalid_request", "date：\u201c" + date + "\u201d不是有效日期，应为 YYYY-MM-DD");
        }
    }
}
