package cn.mee.liaison.bot.deadline;

import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.bot.security.Viewer;
import cn.mee.liaison.bot.web.BadRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** 截止事项 in the console: the month calendar coloured by status, and the list of what is due and overdue. */
@Controller
class DeadlineCalendarPage {

    static final int MAX_DAYS_AHEAD = 366;

    private final DeadlineCalendar calendar;
    private final DeadlineAgenda agenda;
    private final DeadlineLines lines;
    private final DirectoryCache directory;
    private final Clock clock;

    DeadlineCalendarPage(DeadlineCalendar calendar, DeadlineAgenda agenda, DeadlineLines lines,
                         DirectoryCache directory, Clock clock) {
        this.calendar = calendar;
        this.agenda = agenda;
        this.lines = lines;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/deadlines")
    String month(@RequestParam(required = false) String month, @ModelAttribute("filter") DeadlineFilter filter,
                 Model model) {
        Viewer viewer = Viewer.current();
        YearMonth shown = YearMonth.now(clock);
        if (month != null && !month.isBlank()) {
            try {
                shown = YearMonth.parse(month.strip());
            } catch (DateTimeParseException e) {
                model.addAttribute("error", "月份：\u201c" + month + "\u201d无效，应为 YYYY-MM，已显示本月");
            }
        }
        List<Deadline> due = calendar.between(shown.atDay(1), shown.atEndOfMonth()).stream()
                .filter(d -> d.visibleTo(viewer)).filter(filter::test).toList();
        List<DeadlineLine> shownLines = lines.of(due, viewer);
        model.addAttribute("grid", MonthGrid.of(shown, LocalDate.now(clock), shownLines));
        model.addAttribute("month", shown);
        model.addAttribute("previous", link("/deadlines", filter, Map.of("month", shown.minusMonths(1))));
        model.addAttribute("next", link("/deadlines", filter, Map.of("month", shown.plusMonths(1))));
        model.addAttribute("thisMonth", link("/deadlines", filter, Map.of()));
        model.addAttribute("counts", counts(shownLines));
        choices(model, viewer);
        return "deadlines";
    }

    @GetMapping("/deadlines/due")
    String due(@RequestParam(defaultValue = "30") String days, @RequestParam(defaultValue = "90") String back,
               @RequestParam(defaultValue = "UNIT") DueGroup.By by, @ModelAttribute("filter") DeadlineFilter filter,
               Model model) {
        Viewer viewer = Viewer.current();
        int ahead = 30;
        int behind = 90;
        try {
            ahead = number("未来天数", days, 0, MAX_DAYS_AHEAD);
            behind = number("逾期回溯天数", back, 0, DeadlinesApi.MAX_DAYS);
        } catch (BadRequest e) {
            model.addAttribute("error", e.getMessage());
        }
        List<Deadline> open = agenda.open(behind, ahead, d -> d.visibleTo(viewer) && filter.test(d));
        List<DeadlineLine> shown = lines.withReminders(open, viewer);
        model.addAttribute("groups", DueGroup.of(shown, by));
        model.addAttribute("overdue", shown.stream().filter(l -> l.state() == DueState.OVERDUE).count());
        model.addAttribute("upcoming", shown.stream().filter(l -> l.state() != DueState.OVERDUE).count());
        model.addAttribute("days", ahead);
        model.addAttribute("back", behind);
        model.addAttribute("by", by);
        model.addAttribute("bys", DueGroup.By.values());
        model.addAttribute("here", link("/deadlines/due", filter, Map.of("days", ahead, "back", behind,
                "by", by.name())));
        choices(model, viewer);
        return "deadlines-due";
    }

    /** Counts of the lines by how they show, every state present (zero if none). */
    private static Map<DueState, Long> counts(List<DeadlineLine> shown) {
        Map<DueState, Long> counted = shown.stream()
                .collect(Collectors.groupingBy(DeadlineLine::state, Collectors.counting()));
        return Arrays.stream(DueState.values()).collect(Collectors.toMap(Function.identity(),
                s -> counted.getOrDefault(s, 0L), (a, b) -> a, () -> new EnumMap<>(DueState.class)));
    }

    /** A whole number in a range, or a refusal naming the field (in Chinese). */
    static int number(String label, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new BadRequest("invalid_parameter", label + "：应为 " + min + " 到 " + max + " 之间的整数");
    }

    static String link(String path, DeadlineFilter filter, Map<String, Object> more) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        more.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> uri.queryParam(e.getKey(), e.getValue()));
        filter.addTo(uri);
        return uri.encode().build().toUriString();
    }

    private void choices(Model model, Viewer viewer) {
        DirectorySnapshot s = directory.snapshot();
        model.addAttribute("kinds", KindGroup.values());
        model.addAttribute("units", s.units().stream().filter(u -> viewer.seesUnit(u.id()))
                .sorted(Comparator.comparing(u -> u.name())).toList());
        model.addAttribute("cities", s.cities().stream().sorted(Comparator.comparing(c -> c.name())).toList());
        model.addAttribute("today", LocalDate.now(clock));
    }
}
