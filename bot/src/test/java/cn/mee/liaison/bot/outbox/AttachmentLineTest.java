package cn.mee.liaison.bot.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.mee.liaison.bot.files.FileLinks;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.outbox.MessageFormat;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import cn.mee.liaison.storage.outbox.Purpose;
import cn.mee.liaison.storage.outbox.TargetType;
import cn.mee.liaison.testsupport.OffsetClock;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the robot and personal WeChat say for a notice's attachment: a download link, or where to ask for it. */
class AttachmentLineTest {

    private final OffsetClock clock = OffsetClock.shanghai();
    private final FileLinks links = mock(FileLinks.class);
    private final AttachmentLine line = new AttachmentLine(links, clock);
    private final OutboxMessage row = OutboxMessage.pending(Channel.WECOM_ROBOT, TargetType.CHAT, "wrk-1",
            MessageFormat.FILE, "notices/2026/12/0a1b/督办清单.xlsx", null, Purpose.NOTICE, null, clock.instant())
            .forDelivery(12);

    @Test
    void withAPublicBaseUrlTheMembersGetALink() {
        when(links.link(AttachmentLine.NOTICE_AREA, 12)).thenReturn(Optional.of(new FileLinks.FileLink(
                URI.create("https://bot.example/files/notice/12/t.s"), Instant.parse("2026-12-31T16:00:00Z"))));
        assertThat(line.of(row, true)).isEqualTo(
                "［附件］[督办清单.xlsx](https://bot.example/files/notice/12/t.s)（点击下载，2027年1月1日前有效）");
        assertThat(line.of(row, false)).isEqualTo(
                "［附件］督办清单.xlsx\n下载：https://bot.example/files/notice/12/t.s（2027年1月1日前有效）");
    }

    @Test
    void withoutOneTheyAreToldToAskTheBureau() {
        when(links.link(AttachmentLine.NOTICE_AREA, 12)).thenReturn(Optional.empty());
        assertThat(line.of(row, true)).isEqualTo("［附件］督办清单.xlsx：请向执法局索取（机器人所在的群无法直接接收文件）");
        assertThat(line.of(row, false)).isEqualTo(line.of(row, true));
    }
}
