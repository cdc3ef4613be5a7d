package cn.mee.liaison.bot.classify;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A record being read: the message, its mask, what the labels already gave, and the lines no label touched.
 * The readers of free-text shapes add what they can infer, never overwriting a value someone labelled.
 */
final class Draft {

    private final String text;
    private final String masked;
    private final LocalDate today;
    private final Map<String, Object> values;
    private final List<String> untouchedLines;

    Draft(String text, String masked, LocalDate today, Map<String, Object> values, List<String> untouchedLines) {
        this.text = text;
        this.masked = masked;
        this.today = today;
        this.values = values;
        this.untouchedLines = List.copyOf(untouchedLines);
    }

    String text() {
        return text;
    }

    String masked() {
        return masked;
    }

    LocalDate today() {
        return today;
    }

    boolean has(String code) {
        return values.containsKey(code);
    }

    /** The text value of a field, if it has one. */
    Optional<String> textValue(String code) {
        return values.get(code) instanceof String value ? Optional.of(value) : Optional.empty();
    }

    /** Sets a value unless the field already has one; blank text is ignored. */
    void offer(String code, Object value) {
        if (value == null || value instanceof String s && s.isBlank() || values.containsKey(code)) {
            return;
        }
        values.put(code, value instanceof String s ? s.strip() : value);
    }

    void offer(String code, Optional<?> value) {
        value.ifPresent(v -> offer(code, v));
    }

    /** Replaces a value, for normalising what was labelled (整改结果：整改完毕 → 已整改). */
    void replace(String code, Object value) {
        values.put(code, value);
    }

    void remove(String code) {
        values.remove(code);
    }

    /** What no labelled field used, line by line; the whole text when nothing was labelled. */
    String untouchedText() {
        return String.join("\n", untouchedLines).strip();
    }

    List<String> untouchedLines() {
        return untouchedLines;
    }
}
