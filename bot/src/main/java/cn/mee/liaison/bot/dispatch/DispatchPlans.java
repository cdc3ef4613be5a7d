package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.bot.audit.AuditTrail;
import cn.mee.liaison.bot.classify.FieldKind;
import cn.mee.liaison.bot.classify.FieldSpec;
import cn.mee.liaison.bot.classify.RecordSchemas;
import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.bot.web.BadRequest;
import cn.mee.liaison.storage.directory.GroupKind;
import cn.mee.liaison.storage.directory.WorkGroup;
import cn.mee.liaison.storage.dispatch.DispatchMapper;
import cn.mee.liaison.storage.dispatch.DispatchPlanRow;
import cn.mee.liaison.storage.message.RecordType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The dispatch plans: the stored ones, and the built-in default where none is stored. */
@Service
public class DispatchPlans {

    private static final TypeReference<List<FieldSpec>> FIELDS = new TypeReference<>() {
    };

    private final DispatchMapper mapper;
    private final ObjectMapper json;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration refreshInterval;
    /** Counts this instance's changes: a read that began before one is not kept as fresh. */
    private final AtomicLong changes = new AtomicLong();
    /** The plans as last read, with the rows they were read from: parsed again only when the rows changed. */
    private volatile ReadPlans read = new ReadPlans(null, List.of(), null);

    /** @param readAt when the rows were read; null: read them again on next use */
    private record ReadPlans(List<DispatchPlanRow> rows, List<DispatchPlan> plans, Instant readAt) {
    }

    DispatchPlans(DispatchMapper mapper, ObjectMapper json, AuditTrail audit, Clock clock,
                  @Value("${liaison.directory.refresh-interval:1s}") Duration refreshInterval) {
        this.mapper = mapper;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
        this.refreshInterval = refreshInterval;
    }

    /**
     * Every plan, the default first (the built-in one unless it was edited). Read again at most once per refresh
     * interval, as the directory is (every daily report needs its group's plan), and at once after this instance
     * changed one; a change made on another instance is seen within the interval.
     */
    public List<DispatchPlan> all() {
        Instant now = clock.instant();
        ReadPlans last = read;
        if (DirectoryCache.fresh(last.readAt(), now, refreshInterval)) {
            return last.plans();
        }
        long changesBefore = changes.get();
        List<DispatchPlanRow> rows = mapper.findPlans();
        Instant readAt = changes.get() == changesBefore ? now : null;
        if (rows.equals(last.rows())) {
            read = new ReadPlans(rows, last.plans(), readAt);
            return last.plans();
        }
        List<DispatchPlan> plans = new ArrayList<>(rows.stream().map(this::plan).toList());
        if (plans.stream().noneMatch(p -> p.key().equals(DispatchPlan.DEFAULT_KEY))) {
            plans.add(DispatchPlan.defaults());
        }
        plans.sort(Comparator.comparing(DispatchPlan::specificity).thenComparing(DispatchPlan::key));
        List<DispatchPlan> parsed = List.copyOf(plans);
        read = new ReadPlans(rows, parsed, readAt);
        return parsed;
    }

    /**
     * The plans are to be read again on next use: now, and once the transaction that changed them ended (committed
     * or rolled back), so that no read of this instance keeps a plan that never was or that is gone.
     */
    private void changed() {
        forget();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget();
                }
            });
        }
    }

    private void forget() {
        changes.incrementAndGet();
        ReadPlans last = read;
        read = new ReadPlans(last.rows(), last.plans(), null);
    }

    /** The most specific plan for a group. */
    public DispatchPlan planFor(WorkGroup group) {
        return planFor(group, all());
    }

    static DispatchPlan planFor(WorkGroup group, List<DispatchPlan> plans) {
        return plans.stream()
                .filter(p -> p.roundId() == null || p.roundId().equals(group.roundId()))
                .filter(p -> p.kind() == null || p.kind() == group.kind())
                .max(Comparator.comparing(DispatchPlan::specificity))
                .orElse(DispatchPlan.defaults());
    }

    /** Saves a plan as edited in the API or the console; a bad one is refused whole, naming the field. */
    @Transactional
    public DispatchPlan save(PlanRequest request, DirectorySnapshot snapshot, String actor) {
        return save(request.roundId(snapshot), request.kind(), request.enabled() == null || request.enabled(),
                request.fields(), request.promptAt(),
                request.reminders() == null ? "" : String.join(",", request.reminders()), request.closeAt(),
                request.days(), actor);
    }

    @Transactional
    public DispatchPlan save(Long roundId, GroupKind kind, boolean enabled, List<PlanItem> items, String promptAt,
                             String reminders, String closeAt, ReportingDays days, String actor) {
        LocalTime prompt = time("promptAt", promptAt);
        LocalTime close = time("closeAt", closeAt);
        List<LocalTime> reminderTimes = reminders == null || reminders.isBlank() ? List.of()
                : Arrays.stream(reminders.split("[,，\\s]+")).map(t -> time("reminders", t)).sorted().toList();
        if (!close.isAfter(prompt)) {
            throw new BadRequest("invalid_request", "closeAt：截止时间应晚于提示时间");
        }
        if (reminderTimes.stream().anyMatch(t -> !t.isAfter(prompt) || !t.isBefore(close))) {
            throw new BadRequest("invalid_request", "reminders：提醒时间应在提示时间和截止时间之间");
        }
        List<FieldSpec> fields = fields(items);
        DispatchPlan plan = new DispatchPlan(DispatchPlan.keyOf(roundId, kind), roundId, kind, enabled,
                List.copyOf(fields), prompt, reminderTimes, close, days == null ? ReportingDays.WORKDAYS : days);
        changed();
        mapper.upsertPlan(new DispatchPlanRow(null, plan.key(), roundId, kind == null ? null : kind.name(), enabled,
                write(fields), text(prompt), reminderTimes.stream().map(DispatchPlans::text)
                .collect(Collectors.joining(",")), text(close), plan.days().name(), actor, clock.instant()));
        audit.record(actor, AuditTrail.DISPATCH_PLAN_SAVED, plan.key(), text(prompt) + " / " + text(close));
        return plan;
    }

    @Transactional
    public boolean remove(String key, String actor) {
        changed();
        boolean removed = mapper.deletePlan(key) > 0;
        if (removed) {
            audit.record(actor, AuditTrail.DISPATCH_PLAN_SAVED, key, "删除");
        }
        return removed;
    }

    /** Checks the items and gives each its code (see {@link PlanItem}). */
    static List<FieldSpec> fields(List<PlanItem> items) {
        if (items == null || items.isEmpty()) {
            throw new BadRequest("invalid_request", "fields：至少要有一个报送项");
        }
        List<FieldSpec> builtIn = RecordSchemas.fieldsOf(RecordType.DAILY_REPORT);
        Set<String> codes = new HashSet<>();
        Set<String> labels = new HashSet<>();
        List<FieldSpec> fields = new ArrayList<>();
        int n = 1;
        for (PlanItem item : items) {
            String label = item.label() == null ? "" : item.label().strip();
            if (label.isEmpty()) {
                throw new BadRequest("invalid_request", "fields：第" + n + "项缺少名称");
            }
            if (!labels.add(label)) {
                throw new BadRequest("invalid_request", "fields：报送项\u201c" + label + "\u201d重复");
            }
            Optional<FieldSpec> known = builtIn.stream().filter(f -> f.label().equals(label)
                    || (item.code() != null && f.code().equals(item.code().strip()))).findFirst();
            String code = item.code() != null && !item.code().isBlank() ? item.code().strip()
                    : known.map(FieldSpec::code).orElse(null);
            for (int next = 1; code == null || codes.contains(code); next++) {
                code = "item" + next;
            }
            if (!code.matches("[A-Za-z][A-Za-z0-9]{0,39}")) {
                throw new BadRequest("invalid_request", "fields：报送项\u201c" + label + "\u201d的代码\u201c" + code
                        + "\u201d无效，应为字母开头的字母和数字");
            }
            codes.add(code);
            List<String> aliases = item.aliases() != null && !item.aliases().isEmpty() ? item.aliases()
                    : known.filter(f -> f.label().equals(label)).map(FieldSpec::aliases).orElse(List.of());
            fields.add(new FieldSpec(code, label, item.kind() == null ? FieldKind.NUMBER : item.kind(),
                    item.required(), aliases));
            n++;
        }
        return fields;
    }

    private DispatchPlan plan(DispatchPlanRow row) {
        try {
            return new DispatchPlan(row.planKey(), row.roundId(),
                    row.groupKind() == null ? null : GroupKind.valueOf(row.groupKind()), row.enabled(),
                    json.readValue(row.fieldsJson(), FIELDS), LocalTime.parse(row.promptAt()),
                    row.reminders().isBlank() ? List.of()
                            : Arrays.stream(row.reminders().split(",")).map(LocalTime::parse).toList(),
                    LocalTime.parse(row.closeAt()), ReportingDays.valueOf(row.daysRule()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dispatch plan " + row.planKey() + " has unreadable fields", e);
        }
    }

    private String write(List<FieldSpec> fields) {
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalTime time(String field, String value) {
        try {
            return LocalTime.parse(value == null ? "" : value.strip().length() == 4 ? "0" + value.strip()
                    : value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequest("invalid_request", field + "：\u201c" + value + "\u201d不是有效时间，应为 HH:mm，例如 17:00");
        }
    }

    static String text(LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }
}
