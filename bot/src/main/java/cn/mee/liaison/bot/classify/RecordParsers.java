package cn.mee.liaison.bot.classify;

import cn.mee.liaison.storage.message.RecordType;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the fields of a record from the text of a message.
 *
 * <p>Labelled fields are read first, in any order and shape ({@code 检查企业数：12}, {@code 检查了十二家企业},
 * {@code 明日计划：…}); for the daily dispatch a field name may also simply start a clause ({@code 明天继续排查}),
 * for the other types a text field needs its name and a colon ({@code 问题描述：…}). Then each type fills what was not
 * labelled from the text itself: the enterprise and category of a problem, the outcome of a rectification check,
 * the form and head count of a party activity, the approver of a meeting, and so on. An unlabelled DATE field takes
 * the first date in the text.
 */
public final class RecordParsers {

    private static final Map<RecordType, FreeTextReader> READERS = new EnumMap<>(RecordType.class);

    static {
        READERS.put(RecordType.PROBLEM, new ProblemReader());
        READERS.put(RecordType.RECTIFICATION_CHECK, new RectificationReader());
        READERS.put(RecordType.PARTY_ACTIVITY, new PartyActivityReader());
        READERS.put(RecordType.MEETING_FILING, new MeetingReader());
        READERS.put(RecordType.INTERVIEW_FEEDBACK, new InterviewReader());
        READERS.put(RecordType.BRIEF, new TitledTextReader());
        READERS.put(RecordType.TYPICAL_CASE, new TitledTextReader());
        READERS.put(RecordType.EMERGENCY, new EmergencyReader());
        READERS.put(RecordType.PERSONNEL_CHANGE, new PersonnelChangeReader());
        READERS.put(RecordType.APPEAL, new AppealReader());
        READERS.put(RecordType.ASSISTANCE_REQUEST, new AssistanceReader());
        READERS.put(RecordType.PUBLIC_COMPLAINT, draft -> draft.offer("content", draft.untouchedText()));
    }

    /**
     * The latest readings, given again for the same input. The pipeline reads a daily report twice — to file it (the
     * interpreter, with the type's own fields, on the thread that received it), then to count it with the group's
     * dispatch plan (on the thread that files it), whose fields are those same fields unless the plan was edited — and
     * a reading is a pure function of its input (ParsedRecord is immutable). Reading was ~45 % of the pipeline's CPU
     * per report (docs/performance.md). Shared by the threads: the two readings of a message are not always made on
     * one. Bounded by the length of the texts held (about a million characters).
     */
    private static final Cache<Input, ParsedRecord> RECENT = Caffeine.newBuilder()
            .maximumWeight(1 << 20).weigher((Input input, ParsedRecord parsed) -> 64 + input.body().length())
            .executor(Runnable::run).build();

    /** What a reading depends on. */
    private record Input(RecordType type, List<FieldSpec> specs, String body, LocalDate today,
                         List<FieldSpec> atLeastOne) {
    }

    private final LabeledFieldReader dailyLabels =
            new LabeledFieldReader(LabeledFieldReader.TextLabels.KEYED_OR_CLAUSE_START);
    private final LabeledFieldReader keyedLabels = new LabeledFieldReader(LabeledFieldReader.TextLabels.KEYED_ONLY);

    /** Reads {@code body} as a record of {@code type} with the type's own fields ({@link RecordSchemas#fieldsOf}). */
    public ParsedRecord parse(RecordType type, String body, LocalDate today) {
        return read(type, RecordSchemas.fieldsOf(type), body, today, RecordSchemas.atLeastOneOf(type));
    }

    /**
     * Reads {@code body} with a field list of the caller's choosing, such as a daily dispatch plan with its own
     * items ({@code 夜查次数}). Fields are found by their labels and aliases; for DAILY_REPORT, text fields may also
     * start a clause without a colon. The type's free-text inference still fills fields whose codes are in
     * {@code specs}.
     */
    public ParsedRecord parseWith(RecordType type, List<FieldSpec> specs, String body, LocalDate today) {
        Objects.requireNonNull(type, "type");
        List<FieldSpec> fields = specs == null ? List.of() : specs;
        Set<String> codes = fields.stream().map(FieldSpec::code).collect(Collectors.toSet());
        List<FieldSpec> groups = RecordSchemas.atLeastOneOf(type).stream()
                .filter(spec -> codes.contains(spec.code())).toList();
        return read(type, fields, body, today, groups.size() > 1 ? groups : List.of());
    }

    private ParsedRecord read(RecordType type, List<FieldSpec> specs, String body, LocalDate today,
                              List<FieldSpec> atLeastOne) {
        Objects.requireNonNull(today, "today");
        String input = body == null ? "" : body;
        Input key = new Input(type, List.copyOf(specs), input, today, List.copyOf(atLeastOne));
        ParsedRecord known = RECENT.getIfPresent(key);
        if (known != null) {
            return known;
        }
        ParsedRecord parsed = readAnew(type, specs, input, today, atLeastOne);
        RECENT.put(key, parsed);
        return parsed;
    }

    private ParsedRecord readAnew(RecordType type, List<FieldSpec> specs, String body, LocalDate day,
                                  List<FieldSpec> atLeastOne) {
        String text = ChatText.normalize(body);
        String masked = TextMask.of(text, day);
        LabeledFieldReader labels = type == RecordType.DAILY_REPORT ? dailyLabels : keyedLabels;
        LabeledFieldReader.LabeledFields labelled = labels.read(text, masked, specs, day);
        Map<String, Object> values = new LinkedHashMap<>(labelled.values());
        Draft draft = new Draft(text, masked, day, values, labelled.untouchedLines(text));
        if (!text.isEmpty()) {
            READERS.getOrDefault(type, FreeTextReader.NOTHING).fill(draft);
            fillUnlabelledDate(specs, draft);
        }

        Map<String, Object> ordered = new LinkedHashMap<>();
        List<FieldSpec> missing = new ArrayList<>();
        for (FieldSpec spec : specs) {
            Object value = values.get(spec.code());
            if (value != null && kindMatches(spec.kind(), value)) {
                ordered.put(spec.code(), value);
            } else if (spec.required()) {
                missing.add(spec);
            }
        }
        if (!atLeastOne.isEmpty() && atLeastOne.stream().noneMatch(spec -> ordered.containsKey(spec.code()))) {
            missing.add(atLeastOne.get(0));
        }
        return new ParsedRecord(type, ordered, missing);
    }

    private static void fillUnlabelledDate(List<FieldSpec> specs, Draft draft) {
        List<FieldSpec> dates = specs.stream().filter(spec -> spec.kind() == FieldKind.DATE).toList();
        if (dates.size() == 1 && !draft.has(dates.get(0).code())) {
            ChineseDates.find(draft.text(), draft.today())
                    .ifPresent(date -> draft.offer(dates.get(0).code(), date.date().toString()));
        }
    }

    private static boolean kindMatches(FieldKind kind, Object value) {
        return switch (kind) {
            case NUMBER -> value instanceof Long;
            case TEXT, DATE -> value instanceof String;
        };
    }
}
