package cn.mee.liaison.bot.channel.wecom.fake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A multipart/form-data body (RFC 7578) split into its parts; enough for WeCom's media uploads. */
final class Multipart {

    record Part(String name, String filename, String contentType, byte[] data) {
    }

    private static final Pattern BOUNDARY = Pattern.compile("boundary=(\"([^\"]+)\"|([^;\\s]+))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("(?<![a-z*])name=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    private final List<Part> parts;

    private Multipart(List<Part> parts) {
        this.parts = parts;
    }

    /** Parses the body; a body that is not multipart/form-data or is malformed is a 47001 violation. */
    static Multipart parse(String contentType, byte[] body) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw Rejection.violation(WeComError.DATA_FORMAT_ERROR, "the body is not multipart/form-data");
        }
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find()) {
            throw Rejection.violation(WeComError.DATA_FORMAT_ERROR, "multipart boundary is missing");
        }
        String value = boundary.group(2) != null ? boundary.group(2) : boundary.group(3);
        return new Multipart(split(body, ("--" + value).getBytes(StandardCharsets.ISO_8859_1)));
    }

    Optional<Part> part(String name) {
        return parts.stream().filter(p -> name.equals(p.name())).findFirst();
    }

    private static List<Part> split(byte[] body, byte[] delimiter) {
        List<Part> parts = new ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw Rejection.violation(WeComError.DATA_FORMAT_ERROR, "multipart delimiter not found");
        }
        byte[] nextDelimiter = concat("\r\n".getBytes(StandardCharsets.ISO_8859_1), delimiter);
        while (true) {
            int cursor = at + delimiter.length;
            if (startsWith(body, cursor, "--")) {
                return parts;
            }
            if (!startsWith(body, cursor, "\r\n")) {
                throw Rejection.violation(WeComError.DATA_FORMAT_ERROR, "malformed multipart delimiter line");
            }
            cursor += 2;
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), cursor);
            int end = indexOf(body, nextDelimiter, cursor);
            if (headersEnd < 0 || end < 0 || headersEnd > end) {
                throw Rejection.violation(WeComError.DATA_FORMAT_ERROR, "truncated multipart part");
            }
            String headers = new String(body, cursor, headersEnd - cursor, StandardCharsets.UTF_8);
            parts.add(part(headers, Arrays.copyOfRange(body, headersEnd + 4, end)));
            at = end + 2;
        }
    }

    private static Part part(String headers, byte[] data) {
        String disposition = null;
        String type = null;
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (header.equals("content-disposition")) {
                disposition = value;
            } else if (header.equals("content-type")) {
                type = value;
            }
        }
        if (disposition == null) {
            throw Rejection.violation(WeComError.DATA_FORMAT_ERROR, "a multipart part has no Content-Disposition");
        }
        Matcher name = NAME.matcher(disposition);
        Matcher filename = FILENAME.matcher(disposition);
        return new Part(name.find() ? name.group(1) : null, filename.find() ? filename.group(1) : null, type, data);
    }

    private static boolean startsWith(byte[] body, int at, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return at + bytes.length <= body.length && Arrays.equals(body, at, at + bytes.length, bytes, 0, bytes.length);
    }

    private static int indexOf(byte[] body, byte[] needle, int from) {
        outer:
        for (int i = from; i <= body.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (body[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
