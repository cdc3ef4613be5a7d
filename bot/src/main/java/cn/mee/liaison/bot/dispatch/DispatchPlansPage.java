package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.bot.security.Viewer;
import cn.mee.liaison.bot.web.BadRequest;
import cn.mee.liaison.storage.directory.CampaignRound;
import cn.mee.liaison.storage.directory.GroupKind;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 每日调度 → 调度方案 in the console: every plan as a form, saved through the same checks as
 * {@code PUT /api/v1/dispatch/plans}; a refused plan is shown again as sent, with the reason, and nothing is saved.
 * Everybody reads; the bureau edits.
 */
@Controller
class DispatchPlansPage {

    private final DispatchPlans plans;
    private final DirectoryCache directory;

    DispatchPlansPage(DispatchPlans plans, DirectoryCache directory) {
        this.plans = plans;
        this.directory = directory;
    }

    @GetMapping("/dispatch/plans")
    String page(Model model) {
        return show(model, null);
    }

    @PostMapping("/dispatch/plans")
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF')")
    String save(@RequestParam(defaultValue = PlanForm.NEW) String id, @RequestParam(required = false) String round,
                @RequestParam(required = false) String kind, @RequestParam(defaultValue = "false") boolean enabled,
                @RequestParam(name = "code", required = false) List<String> codes,
                @RequestParam(name = "label", required = false) List<String> labels,
                @RequestParam(name = "itemKind", required = false) List<String> kinds,
                @RequestParam(name = "aliases", required = false) List<String> aliases,
                @RequestParam(name = "required", required = false) List<Integer> required,
                @RequestParam(required = false) String promptAt, @RequestParam(required = false) String reminders,
                @RequestParam(required = false) String closeAt, @RequestParam(required = false) String days,
                Principal principal, Model model, RedirectAttributes flash, HttpServletResponse response) {
        PlanForm form = PlanForm.sent(id, round, kind, enabled, codes, labels == null ? List.of() : labels, kinds,
                aliases, required == null ? new HashSet<>() : new HashSet<>(required), promptAt, reminders, closeAt,
                days);
        try {
            DispatchPlan plan = plans.save(form.request(), directory.snapshot(), principal.getName());
            flash.addFlashAttribute("ok", "已保存调度方案：" + PlanForm.of(plan, directory.snapshot()).title() + "。");
            return "redirect:/dispatch/plans";
        } catch (BadRequest e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(model, form.refused(e.getMessage()));
        }
    }

    @PostMapping("/dispatch/plans/delete")
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF')")
    String remove(@RequestParam String key, Principal principal, RedirectAttributes flash) {
        if (plans.remove(key, principal.getName())) {
            flash.addFlashAttribute("ok", DispatchPlan.DEFAULT_KEY.equals(key) ? "默认方案已恢复为内置默认值。"
                    : "已删除调度方案，相关工作组改按默认方案报送。");
        } else if (DispatchPlan.DEFAULT_KEY.equals(key)) {
            flash.addFlashAttribute("ok", "默认方案本就是内置默认值。");
        } else {
            flash.addFlashAttribute("error", "没有这个调度方案（可能已被删除）。");
        }
        return "redirect:/dispatch/plans";
    }

    /** The page, with a refused form (if any) in place of the stored plan it was editing. */
    private String show(Model model, PlanForm refused) {
        DirectorySnapshot snapshot = directory.snapshot();
        List<DispatchPlan> all = plans.all();
        List<PlanForm> forms = new ArrayList<>();
        for (DispatchPlan plan : all) {
            forms.add(refused != null && refused.id().equals(plan.key()) ? refused : PlanForm.of(plan, snapshot));
        }
        DispatchPlan base = all.stream().filter(p -> p.key().equals(DispatchPlan.DEFAULT_KEY)).findFirst()
                .orElse(DispatchPlan.defaults());
        PlanForm fresh = refused != null && refused.id().equals(PlanForm.NEW) ? refused
                : PlanForm.fresh(base, snapshot);
        if (refused != null && forms.stream().noneMatch(f -> f == refused) && fresh != refused) {
            forms.add(0, refused);
        }
        model.addAttribute("forms", forms);
        model.addAttribute("mayEdit", Viewer.current().isBureau());
        model.addAttribute("fresh", fresh);
        model.addAttribute("rounds", snapshot.rounds().stream().map(CampaignRound::name).toList());
        model.addAttribute("kinds", GroupKind.values());
        model.addAttribute("dayRules", ReportingDays.values());
        return "dispatch-plans";
    }
}
