package cn.mee.liaison.bot.classify;

import cn.mee.liaison.storage.message.RecordType;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a message says, read into fields.
 *
 * @param type    the record type it was read as
 * @param fields  values keyed by {@link FieldSpec#code()}, in the order of the type's field list; NUMBER values are
 *                {@link Long}, DATE values ISO strings ({@code 2026-11-28}), TEXT values strings. Only fields found
 *                are present.
 * @param missing the required fields that were not found (for "at least one of" rules, the first of the group)
 */
public record ParsedRecord(RecordType type, Map<String, Object> fields, List<FieldSpec> missing) {

    public ParsedRecord {
        Objects.requireNonNull(type, "type");
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        missing = missing == null ? List.of() : List.copyOf(missing);
    }

    /** True when no required field is missing. */
    public boolean complete() {
        return missing.isEmpty();
    }

    public Optional<Long> number(String code) {
        return fields.get(code) instanceof Long value ? Optional.of(value) : Optional.empty();
    }

    public Optional<String> text(String code) {
        return fields.get(code) instanceof String value ? Optional.of(value) : Optional.empty();
    }

    /** The codes of the missing fields, in order. */
    public List<String> missingCodes() {
        return missing.stream().map(FieldSpec::code).toList();
    }
}
