package cn.mee.liaison.bot.console;

import cn.mee.liaison.bot.calendar.CalendarGap;
import cn.mee.liaison.bot.deadline.DeadlineAgenda;
import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.bot.dispatch.BoardDay;
import cn.mee.liaison.bot.dispatch.BoardFilter;
import cn.mee.liaison.bot.dispatch.DaySummary;
import cn.mee.liaison.bot.dispatch.DispatchBoard;
import cn.mee.liaison.bot.records.RecordFilter;
import cn.mee.liaison.bot.records.RecordSearch;
import cn.mee.liaison.bot.security.Viewer;
import cn.mee.liaison.storage.message.FiledMessageMapper;
import cn.mee.liaison.storage.outbox.OutboxMapper;
import cn.mee.liaison.storage.outbox.OutboxStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 概览: today's traffic by record type, the organisation's size, the outbox, today's dispatch, and the latest
 * records; for a unit coordinator, of its own unit.
 */
@Controller
class HomePage {

    private final FiledMessageMapper messages;
    private final OutboxMapper outbox;
    private final DirectoryCache directory;
    private final RecordSearch records;
    private final DispatchBoard dispatch;
    private final DeadlineAgenda deadlines;
    private final CalendarGap calendarGap;
    private final Clock clock;

    HomePage(FiledMessageMapper messages, OutboxMapper outbox, DirectoryCache directory, RecordSearch records,
             DispatchBoard dispatch, DeadlineAgenda deadlines, CalendarGap calendarGap, Clock clock) {
        this.messages = messages;
        this.outbox = outbox;
        this.directory = directory;
        this.records = records;
        this.dispatch = dispatch;
        this.deadlines = deadlines;
        this.calendarGap = calendarGap;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(Model model) {
        LocalDate today = LocalDate.now(clock);
        ZonedDateTime start = today.atStartOfDay(clock.getZone());
        Viewer viewer = Viewer.current();
        DirectorySnapshot org = directory.snapshot().within(viewer.unitScope());
        model.addAttribute("today", today);
        model.addAttribute("todayByType", messages.countByType(start.toInstant(), start.plusDays(1).toInstant(),
                viewer.unitScope()));
        model.addAttribute("cities", org.cities().size());
        model.addAttribute("groups", org.groups().size());
        model.addAttribute("chats", org.chats().size());
        model.addAttribute("units", org.units().size());
        model.addAttribute("pending", outbox.countByStatus(OutboxStatus.PENDING));
        model.addAttribute("failed", outbox.countByStatus(OutboxStatus.FAILED));
        model.addAttribute("emptyDirectory", directory.snapshot().groups().isEmpty());
        model.addAttribute("latest", records.search(RecordFilter.none(), viewer, 0, 10).items());
        BoardDay board = dispatch.on(today).filter(BoardFilter.none().within(viewer));
        model.addAttribute("dispatchDay", board.dayKind());
        model.addAttribute("dispatch", DaySummary.of(board).total());
        model.addAttribute("deadlines", deadlines.dueCounts(viewer));
        model.addAttribute("calendarGap", calendarGap.banner().orElse(null));
        return "home";
    }
}
