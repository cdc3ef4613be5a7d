package cn.mee.liaison.bot.channel.wecom.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * One HTTP request the fake received, faulted or not.
 *
 * @param query decoded query parameters (first value of each name)
 * @param json  the body parsed as JSON, or null when it is not JSON (multipart uploads, empty bodies)
 * @param at    the fake clock's time of arrival
 */
public record Recorded(String method, String path, Map<String, String> query, JsonNode json, byte[] body,
                       Instant at) {

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
