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
import java.util.List;
import java.util.Optional;
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

    /** Pushes the newly marked cases to all groups as one notice; the id of that notice, if there were any. */
    @Transactional
    public Optional<Long> pushDigest() {
        List<FiledMessage> cases = shared.lockUndigested();
        if (cases.isEmpty()) {
            return Optional.empty();
        }
        DirectorySnapshot s = directory.snapshot();
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < cases.size(); i++) {
            FiledMessage c = cases.get(i);
            String title = String.valueOf(c.fields().getOrDefault("title", firstLine(c.text())));
            String body = String.valueOf(c.fields().getOrDefault("content", c.text()));
            String from = s.groupName(c.workGroupId()) == null ? "" : "（" + s.groupName(c.workGroupId())
                    + (s.cityName(c.cityId()) == null ? "" : "，" + s.cityName(c.cityId())) + "）";
            content.append(i + 1).append(". **").append(title).append("**").append(from).append('\n')
                    .append("   ").append(body.length() <= SNIPPET ? body : body.substring(0, SNIPPET) + "…")
                    .append('\n');
        }
        String title = "典型案例推送（" + DAY.format(LocalDate.now(clock)) + "，" + cases.size() + " 例）";
        long noticeId = notices.send(new NoticeRequest(title, content.toString().strip(), "markdown",
                NoticeTargets.everyone(), false, null), NoticeKind.CASE_DIGEST, null, "system");
        shared.digested(cases.stream().map(FiledMessage::id).toList(), noticeId);
        log.info("pushed a digest of {} typical cases as notice {}", cases.size(), noticeId);
        return Optional.of(noticeId);
    }

    private static String firstLine(String text) {
        String line = text == null ? "" : text.lines().findFirst().orElse("").strip();
        return line.length() <= 30 ? line : line.substring(0, 30) + "…";
    }
}
