package cn.mee.liaison.bot.notice;

import cn.mee.liaison.bot.files.FileLinks;
import cn.mee.liaison.bot.files.FileStore;
import cn.mee.liaison.bot.outbox.AttachmentLine;
import cn.mee.liaison.storage.notice.Notice;
import cn.mee.liaison.storage.notice.NoticeMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A notice's attachment for the members of a chat the door could not send it to (the intelligent robot, personal
 * WeChat): {@code GET /files/notice/{deliveryId}/{token}}, without login, by the link the door sent
 * ({@link FileLinks}). A wrong or expired token, or a delivery without an attachment, is 404.
 */
@Controller
class NoticeAttachmentDownloads {

    private final NoticeMapper notices;
    private final FileLinks links;
    private final FileStore files;

    NoticeAttachmentDownloads(NoticeMapper notices, FileLinks links, FileStore files) {
        this.notices = notices;
        this.links = links;
        this.files = files;
    }

    @GetMapping("/files/" + AttachmentLine.NOTICE_AREA + "/{deliveryId}/{token}")
    ResponseEntity<Resource> download(@PathVariable String deliveryId, @PathVariable String token) {
        Optional<Path> file = deliveryId.matches("\\d{1,18}") && links.valid(AttachmentLine.NOTICE_AREA,
                Long.parseLong(deliveryId), token)
                ? notices.findByDeliveryId(Long.parseLong(deliveryId)).map(Notice::attachmentPath).map(files::resolve)
                .filter(Files::isRegularFile)
                : Optional.empty();
        if (file.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        String name = file.get().getFileName().toString();
        return ResponseEntity.ok()
                .contentType(MediaTypeFactory.getMediaType(name).orElse(MediaType.APPLICATION_OCTET_STREAM))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(new FileSystemResource(file.get()));
    }
}
