package cn.mee.liaison.bot.outbox;

import cn.mee.liaison.bot.files.FileLinks;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What a door that cannot send a file (the intelligent robot, personal WeChat) says in its place: a download link
 * when {@code liaison.public-base-url} is set and the file is a notice's attachment, else where to ask for it.
 */
@Component
public class AttachmentLine {

    /** The area of {@link FileLinks} a notice's attachment is served from, by its delivery id. */
    public static final String NOTICE_AREA = "notice";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final FileLinks links;
    private final Clock clock;

    AttachmentLine(FileLinks links, Clock clock) {
        this.links = links;
        this.clock = clock;
    }

    /** The line for a row carrying a file, as markdown (a markdown link) or as plain text. */
    public String of(OutboxMessage row, boolean markdown) {
        String name = Path.of(row.content()).getFileName().toString();
        Optional<FileLinks.FileLink> link = row.deliveryId() == null ? Optional.empty()
                : links.link(NOTICE_AREA, row.deliveryId());
        if (link.isEmpty()) {
            return "［附件］" + name + "：请向执法局索取（机器人所在的群无法直接接收文件）";
        }
        String until = DAY.format(link.get().expires().atZone(clock.getZone())) + "前有效";
        return markdown ? "［附件］[" + name.replace("]", "］") + "](" + link.get().url() + ")（点击下载，" + until + "）"
                : "［附件］" + name + "\n下载：" + link.get().url() + "（" + until + "）";
    }
}
