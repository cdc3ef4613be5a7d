package cn.mee.liaison.bot.deadline;

import cn.mee.liaison.bot.audit.AuditTrail;
import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.bot.web.BadRequest;
import cn.mee.liaison.bot.web.NotFound;
import cn.mee.liaison.scheduler.deadline.DeadlineKind;
import cn.mee.liaison.storage.deadline.CityFeedback;
import cn.mee.liaison.storage.deadline.DeadlineMapper;
import cn.mee.liaison.storage.deadline.DeadlineRow;
import cn.mee.liaison.storage.directory.City;
import cn.mee.liaison.storage.directory.OrgUnit;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people do with deadlines: add a custom one, mark one done, put off its reminders, record a feedback meeting
 * with a city (which fulfils the feedback due and starts the next interval). Every change is audited.
 */
@Service
public class Deadlines {

    /** The most days the reminders of a deadline may be put off from the console or the API. */
    static final int MAX_SNOOZE_DAYS = 60;

    private final DeadlineMapper mapper;
    private final DeadlineCalendar calendar;
    private final DirectoryCache directory;
    private final AuditTrail audit;
    private final Clock clock;

    Deadlines(DeadlineMapper mapper, DeadlineCalendar calendar, DirectoryCache directory, AuditTrail audit,
              Clock clock) {
        this.mapper = mapper;
        this.calendar = calendar;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** A deadline of someone's own, for a unit or a city or the bureau (neither). */
    @Transactional
    public Deadline addCustom(String title, LocalDate dueDate, String unitName, String cityName, String actor) {
        if (title == null || title.isBlank()) {
            throw new BadRequest("invalid_request", "title：请填写截止事项的名称");
        }
        if (title.strip().length() > 200) {
            throw new BadRequest("invalid_request", "title：名称不能超过200个字");
        }
        if (dueDate == null) {
            throw new BadRequest("invalid_request", "dueDate：请填写截止日期（YYYY-MM-DD）");
        }
        DirectorySnapshot snapshot = directory.snapshot();
        Long unitId = blank(unitName) ? null : snapshot.unitNamed(unitName.strip()).map(OrgUnit::id)
                .orElseThrow(() -> new BadRequest("invalid_request", "unit：没有名为\u201c" + unitName + "\u201d的包保单位"));
        Long cityId = blank(cityName) ? null : snapshot.cityNamed(cityName.strip()).map(City::id)
                .orElseThrow(() -> new BadRequest("invalid_request", "city：没有名为\u201c" + cityName + "\u201d的城市"));
        Instant now = clock.instant();
        long id = mapper.insert(new DeadlineRow(null, "CUSTOM|" + UUID.randomUUID(), DeadlineKind.CUSTOM.name(),
                title.strip(), dueDate, unitId, cityId, null, "OPEN", null, null, null, null, actor, now));
        audit.record(actor, AuditTrail.DEADLINE_ADDED, title.strip(), "截止 " + dueDate);
        return calendar.find(id).orElseThrow();
    }

    /** @return the deadline, done; a deadline done before stays as it was (who and when) */
    @Transactional
    public Deadline markDone(long id, String actor, String note) {
        Deadline deadline = calendar.find(id).orElseThrow(() -> new NotFound("没有编号为 " + id + " 的截止事项"));
        if (deadline.row().done()) {
            return deadline;
        }
        if (mapper.markDone(id, clock.instant(), actor, blank(note) ? null : clip(note.strip()))) {
            audit.record(actor, AuditTrail.DEADLINE_DONE, deadline.title(), "编号 " + id
                    + (blank(note) ? "" : "：" + note.strip()));
        }
        return calendar.find(id).orElseThrow();
    }

    /** Puts off the reminders of a deadline for 1 to {@link #MAX_SNOOZE_DAYS} days from now. */
    @Transactional
    public Deadline snoozeFor(long id, Integer days, String actor) {
        checkSnoozeDays(days);
        return snooze(id, clock.instant().plus(days, ChronoUnit.DAYS), actor);
    }

    static void checkSnoozeDays(Integer days) {
        if (days == null || days < 1 || days > MAX_SNOOZE_DAYS) {
            throw new BadRequest("invalid_request", "days：延后天数应在 1 到 " + MAX_SNOOZE_DAYS + " 之间");
        }
    }

    /** A day given as text (YYYY-MM-DD); a wrong one is refused naming the field. */
    static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequest("invalid_request", field + "：\u201c" + value + "\u201d不是有效日期，应为 YYYY-MM-DD");
        }
    }

    /** No reminders for the deadline before {@code until} (the deadline itself does not move). */
    @Transactional
    public Deadline snooze(long id, Instant until, String actor) {
        Deadline deadline = calendar.find(id).orElseThrow(() -> new NotFound("没有编号为 " + id + " 的截止事项"));
        mapper.snooze(id, until);
        audit.record(actor, AuditTrail.DEADLINE_SNOOZED, deadline.title(), "提醒延后至 " + until.atZone(clock.getZone())
                .toLocalDateTime());
        return calendar.find(id).orElseThrow();
    }

    /**
     * Records a formal feedback meeting held with a city: the feedback then due is done, and the next one falls due
     * 2 or 3 months after this meeting (see CityFeedbackRule).
     *
     * @return the next feedback deadline of the city
     */
    @Transactional
    public Deadline recordFeedback(City city, LocalDate heldOn, String note, String actor, Long messageId) {
        LocalDate today = LocalDate.now(clock);
        if (heldOn.isAfter(today)) {
            throw new BadRequest("invalid_request", "heldOn：反馈会日期不能晚于今天");
        }
        try {
            mapper.insertFeedback(new CityFeedback(null, city.id(), heldOn, blank(note) ? null : clip(note.strip()), actor,
                    messageId, clock.instant()));
        } catch (DuplicateKeyException twice) {
            // the same meeting recorded again: nothing more to do
        }
        audit.record(actor, AuditTrail.FEEDBACK_RECORDED, city.name(), "反馈会 " + heldOn);
        LocalDate look = heldOn.minusYears(1);
        return calendar.between(look, today.plusYears(1)).stream()
                .filter(d -> d.kind() == DeadlineKind.CITY_FEEDBACK && city.id().equals(d.row().cityId()))
                .filter(d -> !d.row().done()).findFirst().orElseThrow();
    }

    /** Notes are kept to the 500 characters the table holds. */
    private static String clip(String note) {
        return note.length() <= 500 ? note : note.substring(0, 499) + "…";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
