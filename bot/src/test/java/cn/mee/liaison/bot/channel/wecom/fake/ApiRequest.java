package cn.mee.liaison.bot.channel.wecom.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** An HTTP request as the endpoints see it. */
record ApiRequest(String method, String path, Map<String, String> query, String contentType, byte[] body,
                  JsonNode json) {

    /** The query parameter, or null when absent. */
    String query(String name) {
        return query.get(name);
    }

    /** A query parameter that must be present and non-empty. */
    String requiredQuery(String name, WeComError missing) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            throw Rejection.violation(missing, "query parameter " + name + " is missing");
        }
        return value;
    }

    /** The body as a JSON object. */
    Payload payload() {
        if (json == null || !json.isObject()) {
            throw Rejection.violation(WeComError.DATA_FORMAT_ERROR, "the body is not a JSON object");
        }
        return new Payload(json, "");
    }
}
