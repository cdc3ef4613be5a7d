package cn.mee.liaison.bot.deadline;

import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.scheduler.deadline.CityFeedbackRule;
import cn.mee.liaison.scheduler.deadline.DeadlineKind;
import cn.mee.liaison.scheduler.deadline.Obligation;
import cn.mee.liaison.scheduler.deadline.QuarterlyReportRule;
import cn.mee.liaison.scheduler.deadline.Round;
import cn.mee.liaison.scheduler.deadline.RoundRules;
import cn.mee.liaison.storage.deadline.CityFeedback;
import cn.mee.liaison.storage.deadline.DeadlineMapper;
import cn.mee.liaison.storage.deadline.DeadlineRow;
import cn.mee.liaison.storage.directory.CampaignRound;
import cn.mee.liaison.storage.directory.City;
import cn.mee.liaison.storage.directory.OrgUnit;
import cn.mee.liaison.storage.directory.WorkGroup;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The calendar of obligations, computed by the rules from the directory and the feedback meetings held: the
 * quarterly reports of every responsible unit from the day it joined (第九条), the feedback to every city (第十条),
 * each round's summary and evaluation and the next round's personnel list (第四条(四), 第十二条, 第三条(三)); with the custom deadlines people
 * add. A computed obligation is stored when it is first seen (so that it has an id, can be done, and its reminders
 * are counted); one whose inputs changed (a round's dates) moves while it is open.
 */
@Service
public class DeadlineCalendar {

    private static final int KEYS_PER_QUERY = 500;

    private final DeadlineMapper mapper;
    private final DirectoryCache directory;
    private final QuarterlyReportRule quarterly;
    private final CityFeedbackRule feedback;
    private final RoundRules rounds;
    private final TransactionTemplate transactions;
    private final Clock clock;
    /** {@code liaison.deadlines.campaign-start}: when a unit or city in no round yet starts owing, if set. */
    private final LocalDate campaignStart;

    DeadlineCalendar(DeadlineMapper mapper, DirectoryCache directory, QuarterlyReportRule quarterly,
                     CityFeedbackRule feedback, RoundRules rounds, TransactionTemplate transactions, Clock clock,
                     @Value("${liaison.deadlines.campaign-start:}") String campaignStart) {
        this.campaignStart = campaignStart == null || campaignStart.isBlank() ? null : parse(campaignStart);
        this.mapper = mapper;
        this.directory = directory;
        this.quarterly = quarterly;
        this.feedback = feedback;
        this.rounds = rounds;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** An obligation of the rules, with whom it concerns, and the meeting that fulfilled it (feedback history). */
    private record Computed(Obligation obligation, Long unitId, Long cityId, Long roundId, CityFeedback heldBy) {
    }

    /** Every deadline due in the range (both ends included), by due date. */
    public List<Deadline> between(LocalDate from, LocalDate to) {
        DirectorySnapshot snapshot = directory.snapshot();
        LocalDate today = LocalDate.now(clock);
        List<Computed> computed = obligations(from, to, snapshot, today);
        transactions.executeWithoutResult(status -> store(computed));
        Set<String> keys = computed.stream().map(c -> c.obligation().key()).collect(Collectors.toSet());
        return mapper.findDueBetween(from, to).stream()
                .filter(row -> keys.contains(row.key()) || row.done() || DeadlineKind.CUSTOM.name().equals(row.kind()))
                .map(row -> view(row, snapshot, today))
                .toList();
    }

    public Optional<Deadline> find(long id) {
        return mapper.findById(id).map(row -> view(row, directory.snapshot(), LocalDate.now(clock)));
    }

    Deadline view(DeadlineRow row, DirectorySnapshot snapshot, LocalDate today) {
        return new Deadline(row, Deadline.statusOf(row, today), snapshot.unitName(row.unitId()),
                snapshot.cityName(row.cityId()), snapshot.roundName(row.roundId()));
    }

    /**
     * The day the campaign started in a city: the start of the first round with a group there; for a city in no
     * round yet, {@code liaison.deadlines.campaign-start} if set.
     */
    Optional<LocalDate> startIn(City city, DirectorySnapshot snapshot) {
        return firstRoundOf(snapshot, g -> city.id().equals(g.cityId()));
    }

    /**
     * The day a unit joined the campaign: the start of the first round in which it has a group; for a unit in no
     * round yet, {@code liaison.deadlines.campaign-start} if set. It owes no report due before.
     */
    Optional<LocalDate> joinedOn(OrgUnit unit, DirectorySnapshot snapshot) {
        return firstRoundOf(snapshot, g -> unit.id().equals(g.unitId()));
    }

    private Optional<LocalDate> firstRoundOf(DirectorySnapshot snapshot, Predicate<WorkGroup> taking) {
        Set<Long> rounds = snapshot.groups().stream().filter(taking).map(WorkGroup::roundId)
                .collect(Collectors.toSet());
        return snapshot.rounds().stream().filter(r -> rounds.contains(r.id())).map(CampaignRound::startDate)
                .min(Comparator.naturalOrder()).or(() -> Optional.ofNullable(campaignStart));
    }

    private static LocalDate parse(String date) {
        try {
            return LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("liaison.deadlines.campaign-start must be YYYY-MM-DD, not " + date, e);
        }
    }

    private List<Computed> obligations(LocalDate from, LocalDate to, DirectorySnapshot snapshot, LocalDate today) {
        List<Computed> all = new ArrayList<>();
        for (OrgUnit unit : snapshot.units()) {
            // from the day it joined: a unit there in 2019 owes the 2019 reports, one that joined later does not
            joinedOn(unit, snapshot).filter(joined -> !joined.isAfter(to)).ifPresent(joined -> quarterly
                    .obligations(unit.name(), joined.isAfter(from) ? joined : from, to)
                    .forEach(o -> all.add(new Computed(o, unit.id(), null, null, null))));
        }
        for (City city : snapshot.cities()) {
            startIn(city, snapshot).ifPresent(start -> all.addAll(feedbacks(city, start, from, to, today)));
        }
        List<CampaignRound> byStart = snapshot.rounds().stream()
                .sorted(Comparator.comparing(CampaignRound::startDate)).toList();
        for (CampaignRound round : byStart) {
            Optional<CampaignRound> next = byStart.stream().filter(r -> r.startDate().isAfter(round.startDate()))
                    .findFirst();
            Round r = new Round(round.name(), round.startDate(), round.endDate());
            List<Obligation> list = next.isPresent()
                    ? rounds.obligations(r, next.get().name(), next.get().startDate())
                    : rounds.obligations(r);
            for (Obligation o : list) {
                if (within(o, from, to)) {
                    // the list of a known next round concerns it; of one still unknown, the round before it
                    Long roundId = o.kind() == DeadlineKind.PERSONNEL_LIST && next.isPresent() ? next.get().id()
                            : round.id();
                    all.add(new Computed(o, null, null, roundId, null));
                }
            }
        }
        return all.stream().filter(c -> within(c.obligation(), from, to)).toList();
    }

    /** The meetings held, each fulfilling the one due before it; the one open now; the ones after it to come. */
    private List<Computed> feedbacks(City city, LocalDate start, LocalDate from, LocalDate to, LocalDate today) {
        List<Computed> all = new ArrayList<>();
        LocalDate last = null;
        for (CityFeedback held : mapper.feedbacksOf(city.id())) {
            all.add(new Computed(feedback.next(city.name(), last, start), city.leadUnitId(), city.id(), null, held));
            last = held.heldOn();
        }
        Obligation current = feedback.next(city.name(), last, start);
        all.add(new Computed(current, city.leadUnitId(), city.id(), null, null));
        for (Obligation later : feedback.upcoming(city.name(), last, start, from, to)) {
            if (!later.key().equals(current.key()) && !later.dueDate().isBefore(today)) {
                all.add(new Computed(later, city.leadUnitId(), city.id(), null, null));
            }
        }
        return all;
    }

    private void store(List<Computed> computed) {
        Map<String, DeadlineRow> stored = new HashMap<>();
        List<String> keys = computed.stream().map(c -> c.obligation().key()).distinct().toList();
        for (int i = 0; i < keys.size(); i += KEYS_PER_QUERY) {
            mapper.findByKeys(keys.subList(i, Math.min(keys.size(), i + KEYS_PER_QUERY)))
                    .forEach(row -> stored.put(row.key(), row));
        }
        Instant now = clock.instant();
        Map<String, Computed> unique = new LinkedHashMap<>();
        computed.forEach(c -> unique.putIfAbsent(c.obligation().key(), c));
        for (Computed c : unique.values()) {
            Obligation o = c.obligation();
            DeadlineRow row = stored.get(o.key());
            if (row == null) {
                boolean held = c.heldBy() != null;
                mapper.insertIfMissing(new DeadlineRow(null, o.key(), o.kind().name(), o.title(), o.dueDate(),
                        c.unitId(), c.cityId(), c.roundId(), held ? "DONE" : "OPEN",
                        held ? c.heldBy().recordedAt() : null, held ? c.heldBy().recordedBy() : null,
                        held ? heldNote(c.heldBy()) : null, null, "rules", now));
            } else if (!row.done() && c.heldBy() != null) {
                mapper.markDone(row.id(), c.heldBy().recordedAt(), c.heldBy().recordedBy(), heldNote(c.heldBy()));
            } else if (!row.done() && (!row.dueDate().equals(o.dueDate()) || !Objects.equals(row.title(), o.title()))) {
                mapper.reschedule(row.id(), o.dueDate(), o.title());
            }
        }
    }

    static String heldNote(CityFeedback held) {
        String note = "已于" + held.heldOn() + "召开正式反馈会" + (held.note() == null || held.note().isBlank() ? ""
                : "：" + held.note());
        return note.length() <= 500 ? note : note.substring(0, 499) + "…";
    }

    private static boolean within(Obligation o, LocalDate from, LocalDate to) {
        return !o.dueDate().isBefore(from) && !o.dueDate().isAfter(to);
    }
}
