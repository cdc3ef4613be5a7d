package cn.mee.liaison.bot.deadline;

import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.security.Viewer;
import cn.mee.liaison.bot.web.BadRequest;
import cn.mee.liaison.scheduler.deadline.DeadlineKind;
import cn.mee.liaison.scheduler.deadline.ReminderTimes;
import cn.mee.liaison.storage.directory.OrgUnit;
import java.security.Principal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 提醒设置 in the console: the default, per kind and per responsible unit, each unit with the setting in force and
 * where it comes from; saved and removed through {@link ReminderPlans}, as the API does, by the bureau only.
 */
@Controller
class ReminderSettingsPage {

    /** A kind's row: its setting in force and where it comes from. */
    record KindSetting(DeadlineKind kind, String key, ReminderPlans.Effective effective, String leadDays,
                       String timeOfDay) {
    }

    private final ReminderPlans plans;
    private final DirectoryCache directory;

    ReminderSettingsPage(ReminderPlans plans, DirectoryCache directory) {
        this.plans = plans;
        this.directory = directory;
    }

    @GetMapping("/deadlines/settings")
    String settings(Model model) {
        Viewer viewer = Viewer.current();
        Map<String, ReminderTimes> all = plans.all();
        ReminderTimes defaults = all.get(ReminderPlans.DEFAULT_KEY);
        model.addAttribute("defaults", defaults);
        model.addAttribute("defaultDescription", ReminderPlans.describe(defaults));
        model.addAttribute("defaultLeadDays", UnitReminderSetting.leadDays(defaults));
        model.addAttribute("defaultTime", UnitReminderSetting.time(defaults));
        model.addAttribute("kinds", Arrays.stream(DeadlineKind.values()).map(k -> {
            ReminderPlans.Effective e = ReminderPlans.effective(all, null, k.name());
            return new KindSetting(k, ReminderPlans.kindKey(k.name()), e, UnitReminderSetting.leadDays(e.times()),
                    UnitReminderSetting.time(e.times()));
        }).toList());
        model.addAttribute("units", directory.snapshot().units().stream().filter(u -> viewer.seesUnit(u.id()))
                .sorted(Comparator.comparing(OrgUnit::name)).map(u -> UnitReminderSetting.of(u, all)).toList());
        return "deadline-settings";
    }

    @PostMapping("/deadlines/settings")
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF')")
    String save(@RequestParam String key, @RequestParam(required = false) String leadDays,
                @RequestParam(required = false) String timeOfDay, Principal principal, RedirectAttributes flash) {
        try {
            ReminderTimes saved = plans.save(key, leadDays, timeOfDay, principal.getName());
            flash.addFlashAttribute("ok", "已保存" + name(key) + "的提醒设置：" + ReminderPlans.describe(saved) + "。");
        } catch (BadRequest e) {
            flash.addFlashAttribute("error", name(key) + "的提醒设置未保存。" + FormError.of(e).message());
        }
        return "redirect:/deadlines/settings" + anchor(key);
    }

    @PostMapping("/deadlines/settings/remove")
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF')")
    String remove(@RequestParam String key, Principal principal, RedirectAttributes flash) {
        if (plans.remove(key, principal.getName())) {
            flash.addFlashAttribute("ok", "已删除" + name(key) + "自己的提醒设置，恢复为继承的设置。");
        } else {
            flash.addFlashAttribute("error", name(key) + "没有自己的提醒设置。");
        }
        return "redirect:/deadlines/settings" + anchor(key);
    }

    /** The key as people read it: 默认, 类型“季度书面报告”, 单位“…”. */
    private String name(String key) {
        if (ReminderPlans.DEFAULT_KEY.equals(key)) {
            return "默认";
        }
        if (key.startsWith("kind:")) {
            return Arrays.stream(DeadlineKind.values()).filter(k -> key.equals(ReminderPlans.kindKey(k.name())))
                    .map(k -> "类型\u201c" + k.label() + "\u201d").findFirst().orElse(key);
        }
        if (key.startsWith("unit:") && key.substring(5).matches("\\d{1,18}")) {
            return directory.snapshot().unit(Long.valueOf(key.substring(5)))
                    .map(u -> "单位\u201c" + u.name() + "\u201d").orElse(key);
        }
        return key;
    }

    private static String anchor(String key) {
        return key.matches("(unit|kind):[A-Z0-9_]+") ? "#" + key.replace(':', '-') : "";
    }
}
