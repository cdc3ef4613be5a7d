package cn.mee.liaison.bot.notice;

import cn.mee.liaison.bot.audit.AuditTrail;
import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.bot.files.FileStore;
import cn.mee.liaison.bot.outbox.Outbox;
import cn.mee.liaison.bot.web.BadRequest;
import cn.mee.liaison.bot.web.NotFound;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.directory.GroupMember;
import cn.mee.liaison.storage.directory.MemberRole;
import cn.mee.liaison.storage.notice.DeliveryProgress;
import cn.mee.liaison.storage.notice.DeliveryStatus;
import cn.mee.liaison.storage.notice.Notice;
import cn.mee.liaison.storage.notice.NoticeDelivery;
import cn.mee.liaison.storage.notice.NoticeKind;
import cn.mee.liaison.storage.notice.NoticeMapper;
import cn.mee.liaison.storage.outbox.MessageFormat;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import cn.mee.liaison.storage.outbox.Purpose;
import cn.mee.liaison.storage.outbox.TargetType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 统一推送信息 (第十一条(一)): a notice becomes one delivery per chat and its outbox rows, all in one transaction, due
 * at the notice's time; the outbox workers send them under the platform's limits. Cancelling stops what has not
 * gone out; re-sending makes the failed rows due again. Every push, cancel and re-send is audited.
 */
@Service
public class Notices {

    static final int MAX_TITLE = 200;
    /** The longest content a notice takes (a door splits it further into numbered parts where it must). */
    public static final int MAX_CONTENT = 20_000;

    private final NoticeMapper notices;
    private final Outbox outbox;
    private final DirectoryCache directory;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final FileStore files;
    private final Clock clock;

    Notices(NoticeMapper notices, Outbox outbox, DirectoryCache directory, AuditTrail audit, ObjectMapper json,
            FileStore files, Clock clock) {
        this.notices = notices;
        this.outbox = outbox;
        this.directory = directory;
        this.audit = audit;
        this.json = json;
        this.files = files;
        this.clock = clock;
    }

    /** Exactly which chats the selection reaches, and through which door, as of the given time. */
    public TargetResolution preview(NoticeTargets targets, Instant at) {
        return new TargetResolver(directory.snapshot(), LocalDate.ofInstant(at, clock.getZone()))
                .resolve(targets == null ? new NoticeTargets(null, null, null, null, null, null) : targets);
    }

    /** When a notice with this sendAt would go out (now when blank), for a preview of that moment. */
    public Instant previewAt(String sendAt) {
        return sendAt(sendAt, clock.instant());
    }

    /**
     * @return the new notice's id
     * @throws BadRequest before anything is written, when the request is invalid (it then leaves a caller's
     *                    transaction usable: a chat command answers with the reason)
     */
    @Transactional(noRollbackFor = BadRequest.class)
    public long send(NoticeRequest request, String actor) {
        return send(request, NoticeKind.NOTICE, null, actor);
    }

    /**
     * The same, of a kind, with an attachment (or null), stored under {@code notices/} in the data directory once the
     * request is found valid.
     */
    @Transactional(noRollbackFor = BadRequest.class)
    public long send(NoticeRequest request, NoticeKind kind, NoticeAttachment attachment, String actor) {
        Instant now = clock.instant();
        String title = required("title", request.title(), MAX_TITLE);
        String content = required("content", request.content(), MAX_CONTENT);
        MessageFormat format = format(request.format());
        Instant sendAt = sendAt(request.sendAt(), now);
        if (request.targets() == null) {
            throw new BadRequest("invalid_request", "targets：请指定推送对象，例如 {\"all\": true}");
        }
        TargetResolution resolution = preview(request.targets(), sendAt);
        if (!resolution.unknown().isEmpty()) {
            throw new BadRequest("invalid_request", "targets：找不到 " + String.join("、", resolution.unknown()));
        }
        if (resolution.recipients().isEmpty()) {
            throw new BadRequest("invalid_request", "targets：所选对象没有可送达的群聊");
        }
        String attachmentPath = attachment == null ? null : files.store("notices", LocalDate.ofInstant(now,
                clock.getZone()), attachment.name(), attachment.content()).path();
        Notice notice = new Notice(null, kind, title, content, format, attachmentPath, targetsJson(request.targets()),
                Boolean.TRUE.equals(request.requireAck()), sendAt, null, actor, now, null, null);
        long id = notices.insert(notice);
        Notice stored = new Notice(id, kind, title, content, format, attachmentPath, notice.targetsJson(),
                notice.requireAck(), sendAt, null, actor, now, null, null);
        DirectorySnapshot s = directory.snapshot();
        for (Recipient recipient : resolution.recipients()) {
            long deliveryId = notices.insert(new NoticeDelivery(null, id, recipient.chat().channel(),
                    recipient.chat().chatId(), recipient.group() == null ? null : recipient.group().id(),
                    recipient.group() == null ? null : recipient.group().unitId(), null, null, null, null));
            outbox.enqueue(rows(stored, recipient, s, deliveryId, now));
        }
        audit.record(actor, AuditTrail.NOTICE_SENT, "通知 " + id + "：" + title,
                resolution.recipients().size() + " 个群聊" + (sendAt.isAfter(now) ? "，定时 " + sendAt : ""));
        return id;
    }

    private List<OutboxMessage> rows(Notice notice, Recipient recipient, DirectorySnapshot s, long deliveryId,
                                     Instant now) {
        Channel channel = recipient.chat().channel();
        String mentions = channel == Channel.WECOM_WEBHOOK && notice.requireAck() && recipient.group() != null
                ? s.membersOf(recipient.group().id()).stream().filter(m -> m.role() == MemberRole.LEADER)
                .map(GroupMember::userId).collect(Collectors.joining(",")) : null;
        MessageFormat format = NoticeText.formatFor(notice, channel);
        List<OutboxMessage> rows = new ArrayList<>();
        rows.add(OutboxMessage.pending(channel, TargetType.CHAT, recipient.chat().chatId(), format,
                NoticeText.of(notice, format), mentions == null || mentions.isEmpty() ? null : mentions,
                Purpose.NOTICE, null, now).withNextAttemptAt(notice.sendAt()).forDelivery(deliveryId));
        if (notice.attachmentPath() != null) {
            rows.add(OutboxMessage.pending(channel, TargetType.CHAT, recipient.chat().chatId(), MessageFormat.FILE,
                    notice.attachmentPath(), null, Purpose.NOTICE, null, now).withNextAttemptAt(notice.sendAt())
                    .forDelivery(deliveryId));
        }
        return rows;
    }

    public NoticeView view(long id) {
        Notice notice = notices.findById(id).orElseThrow(() -> new NotFound("没有编号为 " + id + " 的通知"));
        return view(notice, true);
    }

    public List<NoticeView> recent(int page, int size) {
        return notices.findRecent(page * size, size).stream().map(n -> view(n, false)).toList();
    }

    public long count() {
        return notices.count();
    }

    @Transactional
    public int cancel(long id, String actor) {
        Notice notice = notices.findById(id).orElseThrow(() -> new NotFound("没有编号为 " + id + " 的通知"));
        Instant now = clock.instant();
        int cancelled = notices.cancelPending(notice.id(), now);
        notices.markCancelled(notice.id(), now);
        audit.record(actor, AuditTrail.NOTICE_CANCELLED, "通知 " + id + "：" + notice.title(),
                "取消未发出的 " + cancelled + " 条");
        return cancelled;
    }

    @Transactional
    public int resendFailed(long id, String actor) {
        Notice notice = notices.findById(id).orElseThrow(() -> new NotFound("没有编号为 " + id + " 的通知"));
        if (notice.cancelledAt() != null) {
            throw new BadRequest("invalid_request", "通知已取消，不能重新发送");
        }
        int resent = notices.resendFailed(notice.id(), clock.instant());
        audit.record(actor, AuditTrail.NOTICE_RESENT, "通知 " + id + "：" + notice.title(),
                "重新发送失败的 " + resent + " 条");
        return resent;
    }

    private NoticeView view(Notice notice, boolean withDeliveries) {
        ZoneId zone = clock.getZone();
        DirectorySnapshot s = directory.snapshot();
        List<DeliveryProgress> progress = notices.progressOf(notice.id());
        int sent = 0;
        int pending = 0;
        int failed = 0;
        int cancelled = 0;
        int acked = 0;
        int ackUnavailable = 0;
        int awaitingAck = 0;
        List<NoticeView.DeliveryView> deliveries = new ArrayList<>();
        for (DeliveryProgress p : progress) {
            DeliveryStatus status = p.status();
            switch (status) {
                case SENT -> sent++;
                case PENDING -> pending++;
                case FAILED -> failed++;
                case CANCELLED -> cancelled++;
            }
            boolean ackable = p.channel().hearsGroupReplies();
            if (p.ackedAt() != null) {
                acked++;
            } else if (!ackable) {
                ackUnavailable++;
            } else if (notice.requireAck() && status == DeliveryStatus.SENT) {
                awaitingAck++;
            }
            if (withDeliveries) {
                deliveries.add(new NoticeView.DeliveryView(p.chatId(), p.channel().name(), contractStatus(status),
                        p.attempts(), at(p.sentAt(), zone), at(p.ackedAt(), zone), status.name(), ackable,
                        p.ackedByName() != null ? p.ackedByName() : p.ackedBy(),
                        p.workGroupId() == null ? "执法局" : s.groupName(p.workGroupId()), p.channel().label(),
                        status == DeliveryStatus.FAILED ? p.lastError() : null));
            }
        }
        String status = notice.cancelledAt() != null ? "CANCELLED"
                : notice.sendAt().isAfter(clock.instant()) ? "SCHEDULED" : pending > 0 ? "SENDING" : "COMPLETED";
        return new NoticeView(notice.id(), status, notice.title(), notice.content(),
                notice.format().name().toLowerCase(), notice.requireAck(), at(notice.sendAt(), zone),
                notice.createdBy(), at(notice.createdAt(), zone),
                new NoticeView.Counts(progress.size(), sent, pending, failed, cancelled, acked, ackUnavailable,
                        awaitingAck),
                withDeliveries ? deliveries : null);
    }

    /** The contract knows PENDING, SENT and FAILED: a cancelled delivery will never go out, so it is FAILED there. */
    private static String contractStatus(DeliveryStatus status) {
        return status == DeliveryStatus.CANCELLED ? DeliveryStatus.FAILED.name() : status.name();
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new BadRequest("invalid_request", field + "：不能为空");
        }
        if (value.strip().length() > max) {
            throw new BadRequest("invalid_request", field + "：不能超过 " + max + " 个字");
        }
        return value.strip();
    }

    private static MessageFormat format(String format) {
        if (format == null || format.isBlank() || format.equalsIgnoreCase("text")) {
            return MessageFormat.TEXT;
        }
        if (format.equalsIgnoreCase("markdown")) {
            return MessageFormat.MARKDOWN;
        }
        throw new BadRequest("invalid_request", "format：应为 text 或 markdown");
    }

    private Instant sendAt(String sendAt, Instant now) {
        if (sendAt == null || sendAt.isBlank()) {
            return now;
        }
        try {
            String v = sendAt.strip();
            Instant at = v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$") ? OffsetDateTime.parse(v).toInstant()
                    : LocalDateTime.parse(v.replace(' ', 'T')).atZone(clock.getZone()).toInstant();
            return at.isBefore(now) ? now : at;
        } catch (DateTimeParseException e) {
            throw new BadRequest("invalid_request", "sendAt：\u201c" + sendAt + "\u201d不是有效时间，例如 2026-12-01T09:00:00+08:00");
        }
    }

    private String targetsJson(NoticeTargets targets) {
        try {
            return json.writeValueAsString(targets);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
