package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.bot.outbox.Outbox;
import cn.mee.liaison.storage.directory.Chat;
import cn.mee.liaison.storage.directory.GroupMember;
import cn.mee.liaison.storage.directory.MemberRole;
import cn.mee.liaison.storage.directory.WorkGroup;
import cn.mee.liaison.storage.dispatch.DispatchMapper;
import cn.mee.liaison.storage.outbox.MessageFormat;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import cn.mee.liaison.storage.outbox.Purpose;
import cn.mee.liaison.storage.outbox.TargetType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import cn.mee.liaison.storage.support.ContendedTransactions;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The day of the dispatch, stage by stage, per plan: at the prompt time each group that has not reported yet gets
 * the prompt; at each reminder time the groups still missing are nudged, @-mentioning their leaders; at the close the
 * missing ones are escalated to their city's central group and the bureau chats; once every plan has closed, the
 * day's summary goes to the bureau chats and each central group (its own city).
 *
 * <p>Each stage happens once, on whichever instance gets to it ({@code dispatch_event}). After a stop only the
 * latest stage due is run: a bot back at 19:30 nudges once, it does not prompt and then nudge; one back after a
 * prompt it missed prompts (late) instead of nudging groups that were never asked. A close or summary missed
 * overnight is caught up the next day, for a day whose prompt went out.
 */
@Service
public class DispatchStages {

    static final String WHOLE_DAY = "*";
    static final String SUMMARY = "SUMMARY";
    private static final Logger log = LoggerFactory.getLogger(DispatchStages.class);

    private final DispatchBoard board;
    private final DispatchMapper mapper;
    private final DirectoryCache directory;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final ContendedTransactions claims;
    private final Clock clock;

    DispatchStages(DispatchBoard board, DispatchMapper mapper, DirectoryCache directory, Outbox outbox,
                   TransactionTemplate transactions, ContendedTransactions claims, Clock clock) {
        this.board = board;
        this.mapper = mapper;
        this.directory = directory;
        this.outbox = outbox;
        this.transactions = transactions;
        this.claims = claims;
        this.clock = clock;
    }

    /** Runs whatever is due: yesterday's close and summary if missed, then today's stages. */
    public void tick() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        runDay(today.minusDays(1), now, true);
        runDay(today, now, false);
    }

    /**
     * Nudges the groups of the day still missing, now (未报, {@code POST /api/v1/dispatch/{date}/remind}), and those
     * whose report lacks required items (the nudge names them).
     *
     * @return the groups nudged
     */
    public List<BoardRow> remindNow(LocalDate day, Predicate<BoardRow> scope) {
        Instant now = clock.instant();
        BoardDay today = board.on(day);
        List<BoardRow> missing = today.owing().stream().filter(scope).toList();
        transactions.executeWithoutResult(status -> outbox.enqueue(missing.stream()
                .flatMap(row -> reminders(row, day, now).stream()).toList()));
        return missing;
    }

    private void runDay(LocalDate day, Instant now, boolean catchUpOnly) {
        BoardDay today = board.on(day);
        Map<String, List<BoardRow>> byPlan = today.rows().stream()
                .collect(Collectors.groupingBy(r -> r.plan().key(), LinkedHashMap::new, Collectors.toList()));
        boolean anyPrompted = false;
        LocalTime lastClose = null;
        for (List<BoardRow> rows : byPlan.values()) {
            DispatchPlan plan = rows.get(0).plan();
            Set<String> done = Set.copyOf(mapper.stagesDone(day, plan.key()));
            anyPrompted |= done.contains(DispatchStage.PROMPT);
            lastClose = lastClose == null || plan.closeAt().isAfter(lastClose) ? plan.closeAt() : lastClose;
            Optional<DispatchStage> latest = DispatchStage.of(plan).stream()
                    .filter(s -> !at(day, s.at()).isAfter(now)).reduce((a, b) -> b);
            if (latest.isEmpty() || done.contains(latest.get().name())) {
                continue;
            }
            boolean prompted = done.contains(DispatchStage.PROMPT);
            if (catchUpOnly && !prompted) {
                continue; // the bot was not running that day: nothing to escalate
            }
            anyPrompted |= run(day, plan, latest.get(), prompted, rows, today.dayKind(), now);
        }
        if (lastClose != null && anyPrompted && !at(day, lastClose).isAfter(now)) {
            summarise(day, now);
        }
    }

    /** @return whether the day's prompt has gone out for the plan */
    private boolean run(LocalDate day, DispatchPlan plan, DispatchStage stage, boolean prompted, List<BoardRow> rows,
                        String dayKind, Instant now) {
        List<BoardRow> missing = rows.stream().filter(r -> !r.reported()).toList();
        // a report lacking required items is still owed: nudged for those items, escalated at close as incomplete
        List<BoardRow> owing = rows.stream().filter(BoardRow::owing).toList();
        List<OutboxMessage> said = new ArrayList<>();
        List<String> marks = new ArrayList<>(List.of(stage.name()));
        switch (stage.kind()) {
            case PROMPT -> missing.forEach(r -> said.addAll(prompts(r, day, dayKind, plan, now)));
            case REMIND -> {
                if (prompted) {
                    owing.forEach(r -> said.addAll(reminders(r, day, now)));
                } else {
                    missing.forEach(r -> said.addAll(prompts(r, day, dayKind, plan, now)));
                    marks.add(DispatchStage.PROMPT);
                }
            }
            case CLOSE -> {
                if (prompted) {
                    said.addAll(escalations(day, plan.closeAt(), owing, now));
                }
            }
        }
        boolean ran = Boolean.TRUE.equals(claims.execute(status -> {
            try {
                for (String mark : marks) {
                    mapper.markStage(day, plan.key(), mark, now);
                }
            } catch (DuplicateKeyException other) {
                status.setRollbackOnly();
                return false; // another instance did it
            }
            outbox.enqueue(said);
            return true;
        }));
        if (ran) {
            log.info("dispatch {} {} {}: {} messages for {} groups missing, {} incomplete", day, plan.key(),
                    stage.name(), said.size(), missing.size(), owing.size() - missing.size());
        }
        return prompted || marks.contains(DispatchStage.PROMPT);
    }

    private void summarise(LocalDate day, Instant now) {
        if (mapper.stagesDone(day, WHOLE_DAY).contains(SUMMARY)) {
            return;
        }
        BoardDay today = board.on(day);
        DirectorySnapshot snapshot = directory.snapshot();
        List<OutboxMessage> said = new ArrayList<>();
        String bureauText = SummaryText.forBureau(DaySummary.of(today));
        for (Chat chat : snapshot.bureauChats()) {
            said.add(chatMessage(chat, MessageFormat.MARKDOWN, bureauText, null, Purpose.SUMMARY, now));
        }
        Map<String, List<BoardRow>> byCity = today.rows().stream().filter(r -> r.city() != null)
                .collect(Collectors.groupingBy(BoardRow::city, LinkedHashMap::new, Collectors.toList()));
        byCity.forEach((city, rows) -> {
            String cityText = SummaryText.forCity(DaySummary.of(today.filter(rows::contains)), city, clock.getZone());
            centralChats(snapshot, city, day).forEach(chat -> said.add(chatMessage(chat, MessageFormat.MARKDOWN,
                    cityText, null, Purpose.SUMMARY, now)));
        });
        claims.execute(status -> {
            try {
                mapper.markStage(day, WHOLE_DAY, SUMMARY, now);
            } catch (DuplicateKeyException other) {
                status.setRollbackOnly();
                return false;
            }
            outbox.enqueue(said);
            log.info("dispatch {} summary: {} messages", day, said.size());
            return true;
        });
    }

    private List<OutboxMessage> prompts(BoardRow row, LocalDate day, String dayKind, DispatchPlan plan,
                                        Instant now) {
        String text = DispatchTexts.prompt(day, dayKind, plan);
        return row.chats().stream().map(chat -> chatMessage(chat, MessageFormat.TEXT, text, null, Purpose.PROMPT,
                now)).toList();
    }

    private List<OutboxMessage> reminders(BoardRow row, LocalDate day, Instant now) {
        boolean afterClose = !at(day, row.plan().closeAt()).isAfter(now);
        String text = row.incomplete() ? DispatchTexts.itemsReminder(day, row.plan(), afterClose, row.missing())
                : DispatchTexts.reminder(day, row.plan(), afterClose);
        String mentions = mentions(row.leaders());
        return row.chats().stream().map(chat -> chatMessage(chat, MessageFormat.TEXT, text, mentions,
                Purpose.REMINDER, now)).toList();
    }

    private List<OutboxMessage> escalations(LocalDate day, LocalTime close, List<BoardRow> missing, Instant now) {
        if (missing.isEmpty()) {
            return List.of();
        }
        List<OutboxMessage> said = new ArrayList<>();
        Map<String, List<BoardRow>> byCity = missing.stream().filter(r -> r.city() != null)
                .collect(Collectors.groupingBy(BoardRow::city, LinkedHashMap::new, Collectors.toList()));
        DirectorySnapshot snapshot = directory.snapshot();
        byCity.forEach((city, rows) -> {
            String text = DispatchTexts.escalationToCity(day, city, close, rows);
            List<WorkGroup> central = centralGroups(snapshot, city, day);
            String leaders = central.stream().map(g -> mentions(snapshot.membersOf(g.id()).stream()
                    .filter(m -> m.role() == MemberRole.LEADER).toList())).filter(m -> m != null).findFirst()
                    .orElse(null);
            centralChats(snapshot, city, day).forEach(chat -> said.add(chatMessage(chat, MessageFormat.TEXT, text,
                    leaders, Purpose.REMINDER, now)));
        });
        String bureauText = DispatchTexts.escalationToBureau(day, close, missing);
        snapshot.bureauChats().forEach(chat -> said.add(chatMessage(chat, MessageFormat.TEXT,
                bureauText, null, Purpose.REMINDER, now)));
        return said;
    }

    /**
     * The city's central groups from the directory (a city has one per round), not from the day's board: a central
     * group whose plan does not run that day still hears of its city's groups.
     */
    private static List<WorkGroup> centralGroups(DirectorySnapshot snapshot, String city, LocalDate day) {
        return snapshot.cityNamed(city).map(c -> snapshot.centralGroupsOf(c.id(), day)).orElse(List.of());
    }

    private static List<Chat> centralChats(DirectorySnapshot snapshot, String city, LocalDate day) {
        return centralGroups(snapshot, city, day).stream().flatMap(g -> snapshot.chatsOf(g.id()).stream()).toList();
    }

    private static String mentions(List<GroupMember> leaders) {
        String ids = leaders.stream().map(GroupMember::userId).filter(id -> id != null && !id.isBlank())
                .collect(Collectors.joining(","));
        return ids.isEmpty() ? null : ids;
    }

    private static OutboxMessage chatMessage(Chat chat, MessageFormat format, String text, String mentions,
                                             Purpose purpose, Instant now) {
        return OutboxMessage.pending(chat.channel(), TargetType.CHAT, chat.chatId(), format, text, mentions,
                purpose, null, now);
    }

    private Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(clock.getZone()).toInstant();
    }
}
