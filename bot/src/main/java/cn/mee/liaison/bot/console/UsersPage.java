package cn.mee.liaison.bot.console;

import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.security.ConsoleUsers;
import cn.mee.liaison.bot.web.BadRequest;
import cn.mee.liaison.storage.user.ConsoleRole;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 用户管理 (administrators only, by the console's security rules) and 修改密码 for everyone. */
@Controller
class UsersPage {

    private final ConsoleUsers users;
    private final DirectoryCache directory;

    UsersPage(ConsoleUsers users, DirectoryCache directory) {
        this.users = users;
        this.directory = directory;
    }

    @GetMapping("/admin/users")
    String list(Model model) {
        model.addAttribute("users", users.all());
        model.addAttribute("roles", ConsoleRole.values());
        model.addAttribute("units", directory.snapshot().units());
        return "users";
    }

    @PostMapping("/admin/users")
    String create(@RequestParam String username, @RequestParam(required = false) String displayName,
                  @RequestParam ConsoleRole role, @RequestParam(required = false) Long unitId,
                  @RequestParam String password, Principal principal, RedirectAttributes flash) {
        return done(flash, () -> users.create(principal.getName(), username.strip(), displayName, role, unitId,
                password), "已新建用户 " + username);
    }

    @PostMapping("/admin/users/{username}")
    String update(@PathVariable String username, @RequestParam(required = false) String displayName,
                  @RequestParam ConsoleRole role, @RequestParam(required = false) Long unitId,
                  @RequestParam(defaultValue = "false") boolean enabled, Principal principal,
                  RedirectAttributes flash) {
        return done(flash, () -> users.update(principal.getName(), username, displayName, role, unitId, enabled),
                "已保存用户 " + username);
    }

    @PostMapping("/admin/users/{username}/password")
    String resetPassword(@PathVariable String username, @RequestParam String password, Principal principal,
                         RedirectAttributes flash) {
        return done(flash, () -> users.setPassword(principal.getName(), username, password),
                "已重设 " + username + " 的密码");
    }

    @GetMapping("/account/password")
    String passwordForm() {
        return "password";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam String current, @RequestParam String password, Principal principal,
                          RedirectAttributes flash) {
        try {
            users.changeOwnPassword(principal.getName(), current, password);
            flash.addFlashAttribute("ok", "密码已修改");
        } catch (BadRequest e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/account/password";
    }

    private static String done(RedirectAttributes flash, Runnable action, String message) {
        try {
            action.run();
            flash.addFlashAttribute("ok", message);
        } catch (BadRequest e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/users";
    }
}
