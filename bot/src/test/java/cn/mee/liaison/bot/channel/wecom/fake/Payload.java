package cn.mee.liaison.bot.channel.wecom.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A JSON object of a request body with typed, checked access. Every failed check is a {@link Rejection} naming the
 * field by its path ({@code text.content}).
 */
final class Payload {

    private final JsonNode node;
    private final String prefix;

    Payload(JsonNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    JsonNode node() {
        return node;
    }

    boolean has(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    String requiredString(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw Rejection.violation(WeComError.INVALID_PARAMETER, path(field) + " is missing");
        }
        if (!value.isTextual()) {
            throw Rejection.violation(WeComError.INVALID_PARAMETER, path(field) + " must be a string");
        }
        return value.textValue();
    }

    /** A required string that must not be empty either. */
    String requiredText(String field) {
        String value = requiredString(field);
        if (value.isEmpty()) {
            throw Rejection.violation(WeComError.INVALID_PARAMETER, path(field) + " is empty");
        }
        return value;
    }

    Optional<String> optionalString(String field) {
        return has(field) ? Optional.of(requiredString(field)) : Optional.empty();
    }

    /** Message content: present, a string, not empty (44004) and at most {@code maxBytes} UTF-8 bytes (45002). */
    String content(String field, int maxBytes) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.textValue().isEmpty())) {
            throw Rejection.violation(WeComError.EMPTY_CONTENT, path(field) + " is empty");
        }
        String text = requiredString(field);
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
            throw Rejection.violation(WeComError.CONTENT_TOO_LONG,
                    path(field) + " is " + bytes + " bytes, limit " + maxBytes);
        }
        return text;
    }

    Payload requiredObject(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw Rejection.violation(WeComError.INVALID_PARAMETER, path(field) + " is missing");
        }
        if (!value.isObject()) {
            throw Rejection.violation(WeComError.INVALID_PARAMETER, path(field) + " must be an object");
        }
        return new Payload(value, path(field) + ".");
    }

    /** The msgtype's own object, e.g. {@code "text": {…}} for msgtype text. */
    Payload body(String msgtype) {
        return requiredObject(msgtype);
    }

    int requiredInt(String field, WeComError error) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw Rejection.violation(error, path(field) + " must be an integer");
        }
        return value.intValue();
    }

    boolean requiredBoolean(String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isBoolean()) {
            throw Rejection.violation(WeComError.INVALID_PARAMETER, path(field) + " must be true or false");
        }
        return value.booleanValue();
    }

    /**
     * An optional integer flag that must lie in min..max when present ({@code safe}, {@code enable_id_trans}). A
     * numeric string is accepted too: WeCom takes it, and WxJava sends these flags as strings.
     */
    void optionalIntIn(String field, int min, int max) {
        if (!has(field)) {
            return;
        }
        JsonNode raw = node.get(field);
        int value;
        if (raw.isTextual() && raw.textValue().matches("-?\\d{1,9}")) {
            value = Integer.parseInt(raw.textValue());
        } else {
            value = requiredInt(field, WeComError.INVALID_PARAMETER);
        }
        if (value < min || value > max) {
            throw Rejection.violation(WeComError.INVALID_PARAMETER,
                    path(field) + " must be between " + min + " and " + max);
        }
    }

    List<String> requiredStringList(String field, WeComError error) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw Rejection.violation(error, path(field) + " must be an array of strings");
        }
        return strings(field, value, error);
    }

    List<String> optionalStringList(String field) {
        return has(field) ? requiredStringList(field, WeComError.INVALID_PARAMETER) : List.of();
    }

    List<Payload> requiredObjectList(String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw Rejection.violation(WeComError.INVALID_PARAMETER, path(field) + " must be an array");
        }
        List<Payload> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isObject()) {
                throw Rejection.violation(WeComError.INVALID_PARAMETER, path(field) + "[" + i + "] must be an object");
            }
            items.add(new Payload(value.get(i), path(field) + "[" + i + "]."));
        }
        return items;
    }

    String path(String field) {
        return prefix + field;
    }

    private List<String> strings(String field, JsonNode array, WeComError error) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isTextual()) {
                throw Rejection.violation(error, path(field) + "[" + i + "] must be a string");
            }
            values.add(array.get(i).textValue());
        }
        return values;
    }

    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
