package cn.mee.liaison.bot.audit;

import cn.mee.liaison.storage.audit.AuditLogMapper;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** 审计日志 (administrators only, by the console's security rules). */
@Controller
class AuditPage {

    private static final int PAGE_SIZE = 100;

    private final AuditLogMapper log;

    AuditPage(AuditLogMapper log) {
        this.log = log;
    }

    @GetMapping("/admin/audit")
    String list(@RequestParam(required = false) String action, @RequestParam(required = false) String actor,
                @RequestParam(defaultValue = "0") int page, Model model) {
        int p = Math.max(page, 0);
        long total = log.count(action, actor, null, null);
        model.addAttribute("entries", log.find(action, actor, null, null, p * PAGE_SIZE, PAGE_SIZE));
        model.addAttribute("total", total);
        model.addAttribute("page", p);
        model.addAttribute("pages", (total + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("labels", AuditTrail.LABELS);
        model.addAttribute("action", action);
        model.addAttribute("actor", actor);
        model.addAttribute("base", UriComponentsBuilder.fromPath("/admin/audit")
                .queryParamIfPresent("action", java.util.Optional.ofNullable(action).filter(a -> !a.isBlank()))
                .queryParamIfPresent("actor", java.util.Optional.ofNullable(actor).filter(a -> !a.isBlank()))
                .encode().toUriString());
        return "audit";
    }
}
