package cn.mee.liaison.bot.notice;

import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.bot.web.BadRequest;
import cn.mee.liaison.storage.directory.GroupKind;
import cn.mee.liaison.storage.notice.NoticeKind;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 统一推送 in the console: compose with a preview of the chats reached, follow a notice live, past notices. */
@Controller
class NoticesPage {

    private static final int PAGE_SIZE = 20;

    private final Notices notices;
    private final DirectoryCache directory;

    NoticesPage(Notices notices, DirectoryCache directory) {
        this.notices = notices;
        this.directory = directory;
    }

    @GetMapping("/notices")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        int p = Math.max(page, 0);
        model.addAttribute("notices", notices.recent(p, PAGE_SIZE));
        model.addAttribute("page", p);
        model.addAttribute("pages", (notices.count() + PAGE_SIZE - 1) / PAGE_SIZE);
        return "notices";
    }

    @GetMapping("/notices/new")
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF')")
    String compose(Model model) {
        DirectorySnapshot s = directory.snapshot();
        model.addAttribute("cities", s.cities());
        model.addAttribute("units", s.units());
        model.addAttribute("rounds", s.rounds());
        model.addAttribute("kinds", GroupKind.values());
        return "notice-compose";
    }

    @PostMapping("/notices/preview")
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF')")
    @ResponseBody
    Map<String, Object> preview(@RequestBody NoticeTargets targets, @RequestParam(required = false) String sendAt) {
        TargetResolution resolution = notices.preview(targets, notices.previewAt(sendAt));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", resolution.recipients().size());
        body.put("byDoor", resolution.byDoor());
        body.put("ackUnavailable", resolution.ackUnavailable());
        body.put("chats", resolution.recipients().stream().map(r -> List.of(r.groupName(), r.door(),
                r.chat().chatId(), r.ackable())).toList());
        body.put("unreachableGroups", resolution.unreachableGroups());
        body.put("unknown", resolution.unknown());
        return body;
    }

    @PostMapping("/notices")
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF')")
    String send(@RequestParam String title, @RequestParam String content,
                @RequestParam(defaultValue = "text") String format,
                @RequestParam(defaultValue = "false") boolean all,
                @RequestParam(required = false) List<String> cities,
                @RequestParam(required = false) List<String> units,
                @RequestParam(required = false) List<String> kinds,
                @RequestParam(required = false) List<String> rounds,
                @RequestParam(required = false) String chatIds,
                @RequestParam(defaultValue = "false") boolean requireAck,
                @RequestParam(required = false) String sendAt,
                @RequestParam(required = false) MultipartFile attachment,
                Principal principal, RedirectAttributes flash) {
        NoticeTargets targets = new NoticeTargets(all, cities, units, kinds, rounds,
                chatIds == null ? List.of() : List.of(chatIds.split("[\\s,，、]+")));
        try {
            long id = notices.send(new NoticeRequest(title, content, format, targets, requireAck, sendAt),
                    NoticeKind.NOTICE, NoticeAttachment.of(attachment), principal.getName());
            flash.addFlashAttribute("ok", "通知已提交，正在发送。");
            return "redirect:/notices/" + id;
        } catch (BadRequest e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/notices/new";
        }
    }

    @GetMapping("/notices/{id}")
    String one(@PathVariable long id, Model model) {
        model.addAttribute("notice", notices.view(id));
        return "notice";
    }

    @GetMapping("/notices/{id}/progress")
    @ResponseBody
    NoticeView progress(@PathVariable long id) {
        return notices.view(id);
    }

    @PostMapping("/notices/{id}/resend-failed")
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF')")
    String resendFailed(@PathVariable long id, Principal principal, RedirectAttributes flash) {
        flash.addFlashAttribute("ok", "已重新发送失败的 " + notices.resendFailed(id, principal.getName()) + " 条。");
        return "redirect:/notices/" + id;
    }

    @PostMapping("/notices/{id}/cancel")
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF')")
    String cancel(@PathVariable long id, Principal principal, RedirectAttributes flash) {
        flash.addFlashAttribute("ok", "已取消尚未发出的 " + notices.cancel(id, principal.getName()) + " 条。");
        return "redirect:/notices/" + id;
    }
}
