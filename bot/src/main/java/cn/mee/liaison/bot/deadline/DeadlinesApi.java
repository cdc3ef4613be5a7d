package cn.mee.liaison.bot.deadline;

import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.security.Viewer;
import cn.mee.liaison.bot.web.BadRequest;
import cn.mee.liaison.bot.web.NotFound;
import cn.mee.liaison.scheduler.deadline.ReminderTimes;
import cn.mee.liaison.storage.directory.City;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
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
@RequestMapping("/api/v1/deadlines")
@Tag(name = "截止事项", description = "季度书面报告、对城市正式反馈、轮次总结与考评、下轮人员名单和自定义截止事项，及其提醒")
class DeadlinesApi {

    static final int MAX_DAYS = 366 * 12;

    private final DeadlineCalendar calendar;
    private final Deadlines deadlines;
    private final ReminderPlans plans;
    private final DirectoryCache directory;
    private final Clock clock;

    DeadlinesApi(DeadlineCalendar calendar, Deadlines deadlines, ReminderPlans plans, DirectoryCache directory,
                 Clock clock) {
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.plans = plans;
        this.directory = directory;
        this.clock = clock;
    }

    record CustomRequest(String title, String dueDate, String unit, String city) {
    }

    record DoneRequest(String note) {
    }

    record SnoozeRequest(Integer days) {
    }

    record FeedbackRequest(String city, String heldOn, String note) {
    }

    record SettingRequest(String leadDays, String timeOfDay) {
    }

    @GetMapping
    @Operation(summary = "某段时间内到期的截止事项（过去或将来皆可），含状态 OPEN / DONE / OVERDUE",
            description = "from、to 为 YYYY-MM-DD，含首尾；不填时为今天前30天到后90天。kind 为 QUARTERLY_REPORT、CITY_FEEDBACK、"
                    + "ROUND_SUMMARY（含轮次考评建议和下轮人员名单，见 obligation）或 CUSTOM。")
    List<Map<String, Object>> between(@RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to) {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = from == null || from.isBlank() ? today.minusDays(30) : Deadlines.date("from", from);
        LocalDate end = to == null || to.isBlank() ? today.plusDays(90) : Deadlines.date("to", to);
        if (end.isBefore(start)) {
            throw new BadRequest("invalid_request", "to：结束日期不能早于开始日期");
        }
        if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
            throw new BadRequest("invalid_request", "from/to：一次最多查询12年");
        }
        Viewer viewer = Viewer.current();
        return calendar.between(start, end).stream().filter(d -> d.visibleTo(viewer)).map(this::view).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "一个截止事项")
    Map<String, Object> one(@PathVariable long id) {
        return view(calendar.find(id).orElseThrow(() -> new NotFound("没有编号为 " + id + " 的截止事项")));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF')")
    @Operation(summary = "新增自定义截止事项", description = "unit、city 可选：提醒发给该单位（协调联络员和工作组群）或该城市的中心组；都不填则发到执法局的群。")
    Map<String, Object> add(@RequestBody CustomRequest request, Principal principal) {
        if (request == null) {
            throw new BadRequest("invalid_request", "请求体不能为空");
        }
        LocalDate due = request.dueDate() == null ? null : Deadlines.date("dueDate", request.dueDate());
        return view(deadlines.addCustom(request.title(), due, request.unit(), request.city(), principal.getName()));
    }

    @PostMapping("/{id}/done")
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF','UNIT_COORDINATOR')")
    @Operation(summary = "标记完成（此后不再提醒）；包保单位协调联络员只能标记本单位的事项")
    Map<String, Object> done(@PathVariable long id, @RequestBody(required = false) DoneRequest request,
                             Principal principal) {
        checkUnit(id);
        return view(deadlines.markDone(id, principal.getName(), request == null ? null : request.note()));
    }

    @PostMapping("/{id}/snooze")
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF','UNIT_COORDINATOR')")
    @Operation(summary = "延后提醒 N 天（截止日期不变）")
    Map<String, Object> snooze(@PathVariable long id, @RequestBody SnoozeRequest request, Principal principal) {
        Integer days = request == null ? null : request.days();
        Deadlines.checkSnoozeDays(days);
        checkUnit(id);
        return view(deadlines.snoozeFor(id, days, principal.getName()));
    }

    @PostMapping("/feedback")
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF','UNIT_COORDINATOR')")
    @Operation(summary = "登记与城市的正式反馈会（完成当期反馈，并从会议日期起算下一次）", description = "返回该城市下一次反馈的截止事项。")
    Map<String, Object> feedback(@RequestBody FeedbackRequest request, Principal principal) {
        if (request == null || request.city() == null || request.city().isBlank()) {
            throw new BadRequest("invalid_request", "city：请填写城市");
        }
        City city = directory.snapshot().cityNamed(request.city().strip())
                .orElseThrow(() -> new BadRequest("invalid_request", "city：没有名为\u201c" + request.city() + "\u201d的城市"));
        Viewer viewer = Viewer.current();
        if (!viewer.seesUnit(city.leadUnitId())) {
            throw new AccessDeniedException("not the lead unit of " + city.name());
        }
        LocalDate heldOn = request.heldOn() == null || request.heldOn().isBlank() ? LocalDate.now(clock)
                : Deadlines.date("heldOn", request.heldOn());
        return view(deadlines.recordFeedback(city, heldOn, request.note(), principal.getName(), null));
    }

    @GetMapping("/settings")
    @Operation(summary = "提醒设置：默认、按类型（kind:<类型>）、按包保单位（unit:<编号>）")
    Map<String, Object> settings() {
        Map<String, Object> body = new LinkedHashMap<>();
        plans.all().forEach((key, times) -> body.put(key, setting(times)));
        return body;
    }

    @PutMapping("/settings/{key}")
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF')")
    @Operation(summary = "修改提醒设置", description = "leadDays 为提前天数，逗号分隔，0 为当天；timeOfDay 为 HH:mm。逾期后每天提醒一次。")
    Map<String, Object> saveSetting(@PathVariable String key, @RequestBody SettingRequest request,
                                    Principal principal) {
        if (request == null) {
            throw new BadRequest("invalid_request", "请求体不能为空");
        }
        return setting(plans.save(key, request.leadDays(), request.timeOfDay(), principal.getName()));
    }

    @DeleteMapping("/settings/{key}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF')")
    @Operation(summary = "删除提醒设置（恢复为上一级的设置）")
    void removeSetting(@PathVariable String key, Principal principal) {
        if (!plans.remove(key, principal.getName())) {
            throw new NotFound("没有键为 " + key + " 的提醒设置");
        }
    }

    private void checkUnit(long id) {
        Deadline deadline = calendar.find(id).orElseThrow(() -> new NotFound("没有编号为 " + id + " 的截止事项"));
        if (!deadline.closableBy(Viewer.current())) {
            throw new AccessDeniedException("deadline " + id + " is not the viewer's unit's");
        }
    }

    static Map<String, Object> setting(ReminderTimes times) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("leadDays", times.leadDays());
        body.put("timeOfDay", times.timeOfDay().toString());
        body.put("description", ReminderPlans.describe(times));
        return body;
    }

    Map<String, Object> view(Deadline d) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", d.id());
        body.put("kind", d.contractKind());
        body.put("title", d.title());
        body.put("dueDate", d.dueDate().toString());
        body.put("unit", d.unit());
        body.put("city", d.city());
        body.put("status", d.status().name());
        body.put("obligation", d.kind().name());
        body.put("round", d.round());
        body.put("doneAt", d.row().doneAt() == null ? null
                : d.row().doneAt().atZone(clock.getZone()).toOffsetDateTime().toString());
        body.put("doneBy", d.row().doneBy());
        body.put("doneNote", d.row().doneNote());
        body.put("snoozedUntil", d.row().snoozedUntil() == null ? null
                : d.row().snoozedUntil().atZone(clock.getZone()).toOffsetDateTime().toString());
        return body;
    }
}
