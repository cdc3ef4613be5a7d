package cn.mee.liaison.bot.cases;

import cn.mee.liaison.bot.audit.AuditTrail;
import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.bot.notice.NoticeRequest;
import cn.mee.liaison.bot.notice.NoticeTargets;
import cn.mee.liaison.bot.notice.Notices;
import cn.mee.liaison.bot.web.BadRequest;
import cn.mee.liaison.bot.web.NotFound;
import cn.mee.liaison.storage.message.FiledMessage;
import cn.mee.liaison.storage.message.FiledMessageMapper;
import cn.mee.liaison.storage.message.RecordType;
import cn.mee.liaison.storage.notice.NoticeKind;
import cn.mee.liaison.storage.notice.SharedCaseMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 典型案例 (第二条(四)): the bureau marks filed typical cases for sharing; a digest of the newly marked ones is pushed
 * to all groups on a schedule, each case in one digest only.
 */
@Service
public class SharedCases {

    private static final Logger log = LoggerFactory.getLogger(SharedCases.class);
    private static final int SNIPPET = 200;
    private static final int TITLE = 100;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");

    private final SharedCaseMapper shared;
    private final FiledMessageMapper messages;
    private final Notices notices;
    private final DirectoryCache directory;
    private final AuditTrail audit;
    private final Clock clock;

    SharedCases(SharedCaseMapper shared, FiledMessageMapper messages, Notices notices, DirectoryCache directory,
                AuditTrail audit, Clock clock) {
        this.shared = shared;
        this.messages = messages;
        this.notices = notices;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** @return false when the case was marked before */
    @Transactional
    public boolean mark(long messageId, String actor) {
        FiledMessage message = messages.findById(messageId)
                .orElseThrow(() -> new NotFound("没有编号为 " + messageId + " 的记录"));
        if (message.recordType() != RecordType.TYPICAL_CASE) {
            throw new BadRequest("invalid_request", "只有【典型案例】记录可以标记共享，这条是【" + message.recordType().label() + "】");
        }
        boolean marked = shared.mark(messageId, actor, clock.instant());
        if (marked) {
            audit.record(actor, AuditTrail.CASE_SHARED, "记录 " + messageId, null);
        }
        return marked;
    }

    public boolean isMarked(long messageId) {
        return shared.isMarked(messageId);
    }

    /**
     * Pushes the newly marked cases to all groups: one notice, or several numbered ones when the cases do not fit in
     * one notice's content ({@link Notices#MAX_CONTENT}); the cases are numbered through. The ids of those notices,
     * none when nothing was newly marked.
     */
    @Transactional
    public List<Long> pushDigest() {
        List<FiledMessage> cases = shared.lockUndigested();
        if (cases.isEmpty()) {
            return List.of();
        }
        DirectorySnapshot s = directory.snapshot();
        List<List<FiledMessage>> parts = new ArrayList<>();
        List<StringBuilder> contents = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            String entry = entry(i + 1, cases.get(i), s);
            if (parts.isEmpty() || contents.get(contents.size() - 1).length() + entry.length() > Notices.MAX_CONTENT) {
                parts.add(new ArrayList<>());
                contents.add(new StringBuilder());
            }
            parts.get(parts.size() - 1).add(cases.get(i));
            contents.get(contents.size() - 1).append(entry);
        }
        String day = DAY.format(LocalDate.now(clock));
        List<Long> ids = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            String title = "典型案例推送（" + day + "，" + cases.size() + " 例"
                    + (parts.size() == 1 ? "" : "，第 " + (p + 1) + "/" + parts.size() + " 部分") + "）";
            long noticeId = notices.send(new NoticeRequest(title, contents.get(p).toString().strip(), "markdown",
                    NoticeTargets.everyone(), false, null), NoticeKind.CASE_DIGEST, null, "system");
            shared.digested(parts.get(p).stream().map(FiledMessage::id).toList(), noticeId);
            ids.add(noticeId);
        }
        log.info("pushed a digest of {} typical cases as notices {}", cases.size(), ids);
        return ids;
    }

    /** One case in the digest: its number, title, group and city, the beginning of its content. */
    private static String entry(int number, FiledMessage c, DirectorySnapshot s) {
        String title = clip(String.valueOf(c.fields().getOrDefault("title", firstLine(c.text()))), TITLE);
        String body = clip(String.valueOf(c.fields().getOrDefault("content", c.text())), SNIPPET);
        String from = s.groupName(c.workGroupId()) == null ? "" : "（" + s.groupName(c.workGroupId())
                + (s.cityName(c.cityId()) == null ? "" : "，" + s.cityName(c.cityId())) + "）";
        return number + ". **" + title + "**" + from + "\n   " + body + "\n";
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    private static String firstLine(String text) {
        return clip(text == null ? "" : text.lines().findFirst().orElse("").strip(), 30);
    }
}
