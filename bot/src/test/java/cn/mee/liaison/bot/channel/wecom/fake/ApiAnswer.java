package cn.mee.liaison.bot.channel.wecom.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What an endpoint answers: status, content type, extra headers and body bytes. */
record ApiAnswer(int status, String contentType, Map<String, String> headers, byte[] body) {

    static ApiAnswer json(ObjectNode node) {
        return new ApiAnswer(200, "application/json; charset=UTF-8", Map.of(),
                node.toString().getBytes(StandardCharsets.UTF_8));
    }

    static ApiAnswer bytes(byte[] body, String contentType, Map<String, String> headers) {
        return new ApiAnswer(200, contentType, headers, body);
    }

    static ApiAnswer text(int status, String text) {
        return new ApiAnswer(status, "text/plain; charset=UTF-8", Map.of(), text.getBytes(StandardCharsets.UTF_8));
    }
}
