package cn.mee.liaison.bot.records;

import cn.mee.liaison.bot.classify.FieldSpec;
import cn.mee.liaison.bot.classify.RecordSchemas;
import cn.mee.liaison.storage.message.RecordType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A record's parsed fields under their Chinese labels, in the schema's order; unknown keys last, as they are. */
public final class FieldsText {

    private FieldsText() {
    }

    public static Map<String, String> labelled(RecordType type, Map<String, Object> fields) {
        Map<String, String> out = new LinkedHashMap<>();
        if (fields == null || fields.isEmpty()) {
            return out;
        }
        Map<String, Object> rest = new LinkedHashMap<>(fields);
        for (FieldSpec spec : RecordSchemas.fieldsOf(type)) {
            Object value = rest.remove(spec.code());
            if (value != null) {
                out.put(spec.label(), String.valueOf(value));
            }
        }
        rest.forEach((key, value) -> out.put(key, String.valueOf(value)));
        return out;
    }

    public static String oneLine(RecordType type, Map<String, Object> fields) {
        List<String> parts = new ArrayList<>();
        labelled(type, fields).forEach((label, value) -> parts.add(label + "：" + value));
        return String.join("；", parts);
    }
}
