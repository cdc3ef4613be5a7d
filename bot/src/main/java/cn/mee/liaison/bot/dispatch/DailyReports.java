package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.bot.classify.FieldSpec;
import cn.mee.liaison.bot.classify.ParsedRecord;
import cn.mee.liaison.bot.classify.RecordParsers;
import cn.mee.liaison.storage.directory.WorkGroup;
import cn.mee.liaison.storage.dispatch.DailyReportRow;
import cn.mee.liaison.storage.dispatch.DispatchMapper;
import cn.mee.liaison.storage.message.FiledMessage;
import cn.mee.liaison.storage.message.FiledMessageMapper;
import cn.mee.liaison.storage.message.RecordType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes in the groups' daily reports. A group has one report a day: a later one replaces it (the earlier stays in
 * the history) and the items it leaves out are kept from the earlier one, so that answering "still missing: 明日计划"
 * with just that item completes the report. A group's report counts as late when its first report of the day came
 * after the close time.
 */
@Service
public class DailyReports {

    private final DispatchMapper mapper;
    private final FiledMessageMapper messages;
    private final DispatchRoster roster;
    private final RecordParsers parsers = new RecordParsers();
    private final CurrentReports current = new CurrentReports();
    private final Clock clock;

    DailyReports(DispatchMapper mapper, FiledMessageMapper messages, DispatchRoster roster, Clock clock) {
        this.mapper = mapper;
        this.messages = messages;
        this.roster = roster;
        this.clock = clock;
    }

    /**
     * A report as said in a group's chat.
     *
     * @param message the report as filed: its type and fields are set to the plan's reading of it if they differ
     */
    public record Submission(WorkGroup group, FiledMessage message, String reporterId, String reporterName,
                             String body, Instant at) {
    }

    /**
     * Whether a free-text message in a group's chat is taken as its report: on a reporting day, from the prompt time
     * on; a message the classifier took for a report, or — while the group has not reported yet — one that reads as
     * at least two of the plan's items.
     */
    public boolean takesFreeText(WorkGroup group, String text, boolean classifiedAsReport, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, clock.getZone());
        DispatchPlan plan = roster.planOf(group);
        if (!roster.reportsOn(group, day, plan)) {
            return false;
        }
        if (at.isBefore(instant(day, plan.promptAt()))) {
            return false;
        }
        if (classifiedAsReport) {
            return true;
        }
        boolean reported = current.known(DispatchMapper.currentKey(day, group.id())).isPresent()
                || mapper.currentOf(day, group.id()).isPresent();
        return !reported && parsers.parseWith(RecordType.DAILY_REPORT, plan.fields(), text, day).fields().size() >= 2;
    }

    /**
     * Files the report as the group's current one of its day, the earlier one (if any) kept as history. The earlier
     * one is found without reading it where this instance filed it ({@link CurrentReports}, checked by retiring it by
     * its id); where the group has no report of the day yet — the common case — the new one is simply inserted, its
     * unique key making sure it is the only current one; a report this instance did not know of is read then.
     */
    @Transactional
    public ReportReceipt submit(Submission submission) {
        LocalDate arrived = LocalDate.ofInstant(submission.at(), clock.getZone());
        LocalDate day = ReportDay.of(submission.body(), arrived);
        WorkGroup group = submission.group();
        DispatchPlan plan = roster.planOf(group);
        ParsedRecord parsed = parsers.parseWith(RecordType.DAILY_REPORT, plan.fields(), submission.body(), day);
        String key = DispatchMapper.currentKey(day, group.id());

        Optional<DailyReportRow> earlier = current.known(key)
                .filter(known -> mapper.retireIfCurrent(key, known.id()) == 1);
        DailyReportRow report;
        try {
            report = insert(submission, day, plan, parsed, earlier);
        } catch (DuplicateKeyException unknown) {
            // a current report this instance does not know of: filed before it started, or by another instance
            earlier = mapper.currentOf(day, group.id());
            earlier.ifPresent(found -> mapper.retireIfCurrent(key, found.id()));
            report = insert(submission, day, plan, parsed, earlier);
        }
        current.filed(key, report);

        FiledMessage filed = submission.message();
        if (filed.recordType() != RecordType.DAILY_REPORT || !parsed.fields().equals(filed.fields())) {
            messages.reclassify(filed.id(), RecordType.DAILY_REPORT, parsed.fields());
        }
        Map<String, Object> fields = report.fields();
        List<FieldSpec> missing = plan.required().stream().filter(f -> !fields.containsKey(f.code())).toList();
        return new ReportReceipt(day, plan, fields, missing, roster.reportsOn(group, day, plan), earlier.isPresent(),
                report.late());
    }

    /** The report inserted as the current one: its items, those it leaves out kept from the earlier one. */
    private DailyReportRow insert(Submission submission, LocalDate day, DispatchPlan plan, ParsedRecord parsed,
                                  Optional<DailyReportRow> earlier) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (FieldSpec spec : plan.fields()) {
            Object value = parsed.fields().containsKey(spec.code()) ? parsed.fields().get(spec.code())
                    : earlier.map(r -> r.fields().get(spec.code())).orElse(null);
            if (value != null) {
                fields.put(spec.code(), value);
            }
        }
        String missing = plan.required().stream().map(FieldSpec::code).filter(code -> !fields.containsKey(code))
                .collect(Collectors.joining(","));
        boolean late = earlier.map(DailyReportRow::late)
                .orElse(submission.at().isAfter(instant(day, plan.closeAt())));
        DailyReportRow row = new DailyReportRow(null, day, submission.group().id(), submission.message().id(),
                submission.reporterId(), submission.reporterName(), submission.at(), late, fields, missing, true);
        return row.withId(mapper.insertCurrent(row));
    }

    /** The group's reports of the day, the current one first. */
    public List<DailyReportRow> historyOf(LocalDate day, long groupId) {
        return mapper.historyOf(day, groupId);
    }

    private Instant instant(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(clock.getZone()).toInstant();
    }
}
