package cn.mee.liaison.bot.deadline;

import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.bot.security.Viewer;
import cn.mee.liaison.bot.web.BadRequest;
import cn.mee.liaison.bot.web.NotFound;
import cn.mee.liaison.scheduler.deadline.DeadlineKind;
import cn.mee.liaison.storage.deadline.DeadlineMapper;
import cn.mee.liaison.storage.directory.City;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One deadline in the console: what it is, who closed it, the reminders sent; marking it done, putting off its
 * reminders, recording a city's feedback meeting; and adding a custom deadline.
 */
@Controller
class DeadlinePage {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final DeadlineCalendar calendar;
    private final Deadlines deadlines;
    private final DeadlineLines lines;
    private final ReminderPlans plans;
    private final DeadlineMapper mapper;
    private final DirectoryCache directory;
    private final Clock clock;

    DeadlinePage(DeadlineCalendar calendar, Deadlines deadlines, DeadlineLines lines, ReminderPlans plans,
                 DeadlineMapper mapper, DirectoryCache directory, Clock clock) {
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.lines = lines;
        this.plans = plans;
        this.mapper = mapper;
        this.directory = directory;
        this.clock = clock;
    }

    /** A reminder sent, as the detail page lists it. */
    record Sent(LocalDateTime remindAt, String kind, LocalDateTime sentAt) {
    }

    @GetMapping("/deadlines/{id}")
    String one(@PathVariable long id, Model model) {
        Viewer viewer = Viewer.current();
        Deadline deadline = visible(id, viewer);
        model.addAttribute("line", lines.one(deadline, viewer));
        model.addAttribute("obligation", deadline.kind().label());
        model.addAttribute("doneAt", lines.local(deadline.row().doneAt()));
        model.addAttribute("createdAt", lines.local(deadline.row().createdAt()));
        model.addAttribute("snoozedUntil", lines.local(deadline.row().snoozedUntil()));
        model.addAttribute("snoozing", deadline.row().snoozedUntil() != null
                && deadline.row().snoozedUntil().isAfter(clock.instant()));
        model.addAttribute("reminders", mapper.remindersOf(id).stream()
                .map(r -> new Sent(lines.local(r.remindAt()), DeadlineReminders.ESCALATE.equals(r.kind())
                        ? "逾期上报执法局" : "提醒", lines.local(r.sentAt()))).toList());
        model.addAttribute("setting", ReminderPlans.effective(plans.all(), deadline.row().unitId(),
                deadline.row().kind()));
        boolean feedback = deadline.kind() == DeadlineKind.CITY_FEEDBACK && deadline.row().cityId() != null;
        model.addAttribute("feedbacks", feedback ? mapper.feedbacksOf(deadline.row().cityId()) : List.of());
        model.addAttribute("mayRecordFeedback", feedback && !deadline.row().done()
                && mayRecordFeedback(deadline, viewer));
        model.addAttribute("monthLink", "/deadlines?month=" + YearMonth.from(deadline.dueDate()));
        model.addAttribute("today", LocalDate.now(clock));
        return "deadline";
    }

    @PostMapping("/deadlines/{id}/done")
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF','UNIT_COORDINATOR')")
    String done(@PathVariable long id, @RequestParam(required = false) String note,
                @RequestParam(required = false) String back, Principal principal, RedirectAttributes flash) {
        Deadline deadline = closable(id);
        if (deadline.row().done()) {
            flash.addFlashAttribute("ok", "编号 " + id + " 已于此前标记完成，无需重复操作。");
        } else {
            deadlines.markDone(id, principal.getName(), note);
            flash.addFlashAttribute("ok", "已标记完成：" + deadline.title() + "，相关提醒已停止。");
        }
        return redirect(back, id);
    }

    @PostMapping("/deadlines/{id}/snooze")
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF','UNIT_COORDINATOR')")
    String snooze(@PathVariable long id, @RequestParam(required = false) String days,
                  @RequestParam(required = false) String back, Principal principal, RedirectAttributes flash) {
        Deadline deadline = closable(id);
        try {
            Integer n = days == null || !days.strip().matches("\\d{1,3}") ? null : Integer.valueOf(days.strip());
            Deadline snoozed = deadlines.snoozeFor(id, n, principal.getName());
            flash.addFlashAttribute("ok", "已延后提醒 " + n + " 天（至 "
                    + MINUTE.format(lines.local(snoozed.row().snoozedUntil())) + "）：" + deadline.title()
                    + "，截止日期不变。");
        } catch (BadRequest e) {
            flash.addFlashAttribute("error", FormError.of(e).message());
        }
        return redirect(back, id);
    }

    @PostMapping("/deadlines/{id}/feedback")
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF','UNIT_COORDINATOR')")
    String feedback(@PathVariable long id, @RequestParam(required = false) String heldOn,
                    @RequestParam(required = false) String note, Principal principal, RedirectAttributes flash) {
        Viewer viewer = Viewer.current();
        Deadline deadline = visible(id, viewer);
        City city = directory.snapshot().city(deadline.row().cityId())
                .filter(c -> deadline.kind() == DeadlineKind.CITY_FEEDBACK)
                .orElseThrow(() -> new NotFound("编号 " + id + " 不是城市的正式情况反馈"));
        if (!mayRecordFeedback(deadline, viewer)) {
            throw new AccessDeniedException("not the lead unit of " + city.name());
        }
        try {
            LocalDate held = heldOn == null || heldOn.isBlank() ? LocalDate.now(clock)
                    : Deadlines.date("heldOn", heldOn);
            Deadline next = deadlines.recordFeedback(city, held, note, principal.getName(), null);
            flash.addFlashAttribute("ok", "已登记与" + city.name() + "的正式反馈会（" + held + "）。下一次反馈 "
                    + next.dueDate() + " 截止。");
            return "redirect:/deadlines/" + next.id();
        } catch (BadRequest e) {
            flash.addFlashAttribute("error", FormError.of(e).message());
            return "redirect:/deadlines/" + id;
        }
    }

    @GetMapping("/deadlines/new")
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF')")
    String compose(Model model) {
        return form(model, "", "", "", "", null);
    }

    @PostMapping("/deadlines")
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF')")
    String add(@RequestParam(required = false) String title, @RequestParam(required = false) String dueDate,
               @RequestParam(required = false) String unit, @RequestParam(required = false) String city,
               Principal principal, Model model, RedirectAttributes flash) {
        try {
            LocalDate due = dueDate == null || dueDate.isBlank() ? null : Deadlines.date("dueDate", dueDate);
            Deadline added = deadlines.addCustom(title, due, unit, city, principal.getName());
            flash.addFlashAttribute("ok", "已新增截止事项，将按提醒设置提前提醒。");
            return "redirect:/deadlines/" + added.id();
        } catch (BadRequest e) {
            return form(model, title, dueDate, unit, city, FormError.of(e));
        }
    }

    private String form(Model model, String title, String dueDate, String unit, String city, FormError error) {
        DirectorySnapshot s = directory.snapshot();
        model.addAttribute("title", title);
        model.addAttribute("dueDate", dueDate);
        model.addAttribute("unit", unit);
        model.addAttribute("city", city);
        model.addAttribute("formError", error);
        model.addAttribute("units", s.units().stream().sorted(Comparator.comparing(u -> u.name())).toList());
        model.addAttribute("cities", s.cities().stream().sorted(Comparator.comparing(c -> c.name())).toList());
        return "deadline-new";
    }

    private Deadline visible(long id, Viewer viewer) {
        Deadline deadline = calendar.find(id).orElseThrow(() -> new NotFound("没有编号为 " + id + " 的截止事项"));
        if (!deadline.visibleTo(viewer)) {
            throw new AccessDeniedException("deadline " + id + " is another unit's");
        }
        return deadline;
    }

    private Deadline closable(long id) {
        Deadline deadline = calendar.find(id).orElseThrow(() -> new NotFound("没有编号为 " + id + " 的截止事项"));
        if (!deadline.closableBy(Viewer.current())) {
            throw new AccessDeniedException("deadline " + id + " is not the viewer's unit's");
        }
        return deadline;
    }

    /** The bureau, or the coordinator of the city's lead unit (as the API allows). */
    private boolean mayRecordFeedback(Deadline deadline, Viewer viewer) {
        return deadline.closableBy(viewer) && directory.snapshot().city(deadline.row().cityId())
                .map(c -> viewer.seesUnit(c.leadUnitId())).orElse(false);
    }

    /** Back to the page the action came from, if it is one of the deadline pages; else the deadline's own. */
    private static String redirect(String back, long id) {
        boolean safe = back != null && back.matches("/deadlines(/[a-z0-9]*)?(\\?[A-Za-z0-9_=&%.\\-]*)?");
        return "redirect:" + (safe ? back : "/deadlines/" + id);
    }
}
