package cn.mee.liaison.bot.notice;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.web.multipart.MultipartFile;

/** A file sent with a notice, as the console's form and the API's multipart request upload it. */
public record NoticeAttachment(String name, byte[] content) {

    /** The uploaded file, or null when none was chosen (no part, or an empty one). */
    static NoticeAttachment of(MultipartFile upload) {
        if (upload == null || upload.isEmpty()) {
            return null;
        }
        try {
            return new NoticeAttachment(upload.getOriginalFilename(), upload.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an uploaded attachment", e);
        }
    }
}
