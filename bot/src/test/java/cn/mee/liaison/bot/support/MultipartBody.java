package cn.mee.liaison.bot.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body (RFC 7578) as a browser or curl -F sends it: fields and files, UTF-8 names. */
public final class MultipartBody {

    private final String boundary = "----liaison-test-" + UUID.randomUUID();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** A field; contentType null for none (a plain form field). */
    public MultipartBody part(String name, String contentType, String value) {
        return add(name, null, contentType, value.getBytes(StandardCharsets.UTF_8));
    }

    public MultipartBody file(String name, String fileName, String contentType, byte[] content) {
        return add(name, fileName, contentType, content);
    }

    private MultipartBody add(String name, String fileName, String contentType, byte[] content) {
        StringBuilder head = new StringBuilder("--").append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"").append(name).append('"');
        if (fileName != null) {
            head.append("; filename=\"").append(fileName).append('"');
        }
        head.append("\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        out.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public byte[] bytes() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(out.toByteArray());
        all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return all.toByteArray();
    }
}
