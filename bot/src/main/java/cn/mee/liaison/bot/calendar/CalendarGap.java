package cn.mee.liaison.bot.calendar;

import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.outbox.Outbox;
import cn.mee.liaison.scheduler.calendar.WorkdayCalendar;
import cn.mee.liaison.scheduler.deadline.DeadlineRulesConfiguration;
import cn.mee.liaison.storage.dispatch.DispatchMapper;
import cn.mee.liaison.storage.outbox.MessageFormat;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import cn.mee.liaison.storage.outbox.Purpose;
import cn.mee.liaison.storage.outbox.TargetType;
import cn.mee.liaison.storage.support.ContendedTransactions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The years the working-day calendar lacks while they matter: this year, and from
 * {@code liaison.calendar.warn-from} (11-01) on the next one. Without its data a year counts every weekday as a
 * working day — 元旦 and 春节 included — so the gap is told: a banner in the console, a WARN in the log at start and
 * every day, and once per missing year a message to the bureau chats saying how to load the year's file.
 */
@Service
public class CalendarGap {

    /** The claim of the bureau message in {@code dispatch_event}: one row per missing year, on its 1 January. */
    static final String EVENT_KEY = "calendar";
    static final String EVENT_STAGE = "MISSING_YEAR_NOTICE";
    private static final Logger log = LoggerFactory.getLogger(CalendarGap.class);

    private final WorkdayCalendar calendar;
    private final DirectoryCache directory;
    private final DispatchMapper events;
    private final Outbox outbox;
    private final ContendedTransactions claims;
    private final Clock clock;
    private final MonthDay warnFrom;
    private final MessageSource messages;
    private volatile LocalDate checkedOn;

    CalendarGap(WorkdayCalendar calendar, DirectoryCache directory, DispatchMapper events, Outbox outbox,
                ContendedTransactions claims, Clock clock,
                @Value("${liaison.calendar.warn-from:11-01}") String warnFrom, MessageSource messages) {
        this.calendar = calendar;
        this.directory = directory;
        this.events = events;
        this.outbox = outbox;
        this.claims = claims;
        this.clock = clock;
        this.warnFrom = DeadlineRulesConfiguration.monthDay("liaison.calendar.warn-from", warnFrom);
        this.messages = messages;
    }

    /** The years missing now, this year first; empty when the calendar has what it needs. */
    public List<Integer> missingYears() {
        LocalDate today = LocalDate.now(clock);
        List<Integer> years = new ArrayList<>();
        if (!calendar.knowsYear(today.getYear())) {
            years.add(today.getYear());
        }
        if (!today.isBefore(warnFrom.atYear(today.getYear())) && !calendar.knowsYear(today.getYear() + 1)) {
            years.add(today.getYear() + 1);
        }
        return years;
    }

    /** The console's banner, if the calendar lacks a year. */
    public Optional<String> banner() {
        List<Integer> years = missingYears();
        return years.isEmpty() ? Optional.empty() : Optional.of(text(years));
    }

    /** What the bureau is told: which year is missing, what that means and how to load it. */
    String text(List<Integer> years) {
        String named = years.stream().map(y -> message("calendar.gap.year", String.valueOf(y)))
                .collect(Collectors.joining("、"));
        return message("calendar.gap.text", named);
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        warn(missingYears());
    }

    private static void warn(List<Integer> years) {
        years.forEach(year -> log.warn("calendar: no holidays for {}: every weekday of it counts as a "
                + "working day; upload its file (console 工作日历, POST /api/v1/calendar/import)", year));
    }

    /**
     * Once a day per instance: a WARN for each missing year, and the bureau chats told once per missing year (the
     * first instance to claim it tells them; without a bureau chat it is told when one exists).
     */
    public void check() {
        LocalDate today = LocalDate.now(clock);
        if (today.equals(checkedOn)) {
            return;
        }
        checkedOn = today;
        List<Integer> years = missingYears();
        if (years.isEmpty()) {
            return;
        }
        warn(years);
        Instant now = clock.instant();
        for (int year : years) {
            LocalDate key = LocalDate.of(year, 1, 1);
            var chats = directory.snapshot().bureauChats();
            if (chats.isEmpty() || events.stagesDone(key, EVENT_KEY).contains(EVENT_STAGE)) {
                continue;
            }
            String text = message("calendar.gap.notice", text(List.of(year)));
            List<OutboxMessage> said = chats.stream().map(chat -> OutboxMessage.pending(chat.channel(),
                    TargetType.CHAT, chat.chatId(), MessageFormat.TEXT, text, null, Purpose.NOTICE, null, now))
                    .toList();
            claims.execute(status -> {
                try {
                    events.markStage(key, EVENT_KEY, EVENT_STAGE, now);
                } catch (DuplicateKeyException other) {
                    status.setRollbackOnly();
                    return false;
                }
                outbox.enqueue(said);
                return true;
            });
        }
    }
}
