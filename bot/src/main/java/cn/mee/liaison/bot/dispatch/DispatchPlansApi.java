package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.bot.web.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/dispatch/plans")
@Tag(name = "每日工作调度", description = "各工作组每个工作日报送的调度情况：看板、提醒、汇总、统计与导出")
class DispatchPlansApi {

    private final DispatchPlans plans;
    private final DirectoryCache directory;

    DispatchPlansApi(DispatchPlans plans, DirectoryCache directory) {
        this.plans = plans;
        this.directory = directory;
    }

    @GetMapping
    @Operation(summary = "调度方案：报送项、提示时间、提醒时间、截止时间和报送日（默认方案之外可按轮次和工作组类型另设）")
    List<Map<String, Object>> all() {
        DirectorySnapshot snapshot = directory.snapshot();
        return plans.all().stream().map(p -> view(p, snapshot)).toList();
    }

    @PutMapping
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF')")
    @Operation(summary = "新建或修改调度方案（按 round 和 kind 确定是哪个方案，均不填为默认方案）")
    Map<String, Object> save(@RequestBody PlanRequest request, Principal principal) {
        DirectorySnapshot snapshot = directory.snapshot();
        DispatchPlan plan = plans.save(request, snapshot, principal.getName());
        return view(plan, snapshot);
    }

    @DeleteMapping("/{key}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF')")
    @Operation(summary = "删除调度方案（删除默认方案即恢复内置默认值）")
    void remove(@PathVariable String key, Principal principal) {
        if (!plans.remove(key, principal.getName())) {
            throw new NotFound("没有键为 " + key + " 的调度方案");
        }
    }

    static Map<String, Object> view(DispatchPlan plan, DirectorySnapshot snapshot) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", plan.key());
        body.put("round", plan.roundId() == null ? null : snapshot.roundName(plan.roundId()));
        body.put("kind", plan.kind() == null ? null : plan.kind().name());
        body.put("enabled", plan.enabled());
        body.put("fields", plan.fields().stream().map(PlanItem::of).toList());
        body.put("promptAt", DispatchPlans.text(plan.promptAt()));
        body.put("reminders", plan.reminders().stream().map(DispatchPlans::text).toList());
        body.put("closeAt", DispatchPlans.text(plan.closeAt()));
        body.put("days", plan.days().name());
        body.put("daysLabel", plan.days().label());
        return body;
    }
}
