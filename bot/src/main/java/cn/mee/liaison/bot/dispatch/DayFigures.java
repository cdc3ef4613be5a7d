package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.storage.dispatch.DailyReportFigures;
import cn.mee.liaison.storage.dispatch.DailyReportRow;
import cn.mee.liaison.storage.dispatch.DailyReportStamp;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A day's current reports as the charts and rankings of a range read them, column by column to take little memory
 * (about 40 bytes a report): the groups that reported, whether each was late, and the numeric items (what a
 * summary adds up, as {@code long}s as the summary adds them). Other items, the reporter and the time are not kept.
 */
final class DayFigures {

    private static final JsonFactory JSON = new JsonFactory();

    private final DailyReportStamp stamp;
    private final long[] groups;
    private final BitSet late;
    private final String[] codes;
    /** Per code, per report: the value, where {@link #present} says there is one. */
    private final long[][] values;
    private final BitSet[] present;

    private DayFigures(DailyReportStamp stamp, long[] groups, BitSet late, String[] codes, long[][] values,
                       BitSet[] present) {
        this.stamp = stamp;
        this.groups = groups;
        this.late = late;
        this.codes = codes;
        this.values = values;
        this.present = present;
    }

    /** The day's figures as read after its stamp (so that they are at least as new as the stamp says). */
    static DayFigures of(DailyReportStamp stamp, List<DailyReportFigures> reports) {
        int n = reports.size();
        long[] groups = new long[n];
        BitSet late = new BitSet(n);
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<long[]> values = new ArrayList<>();
        List<BitSet> present = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            DailyReportFigures report = reports.get(i);
            groups[i] = report.workGroupId();
            late.set(i, report.late());
            int row = i;
            numbers(report.fieldsJson()).forEach((code, value) -> {
                int column = columns.computeIfAbsent(code, c -> {
                    values.add(new long[n]);
                    present.add(new BitSet(n));
                    return values.size() - 1;
                });
                values.get(column)[row] = value;
                present.get(column).set(row);
            });
        }
        return new DayFigures(stamp, groups, late, columns.keySet().toArray(String[]::new),
                values.toArray(long[][]::new), present.toArray(BitSet[]::new));
    }

    /**
     * The numeric items of a report's stored fields, as {@code long}s ({@link Number#longValue()}, as the summary
     * adds them up), read straight off the JSON: the other items are skipped, not built.
     */
    static Map<String, Long> numbers(String fieldsJson) {
        Map<String, Long> numbers = new LinkedHashMap<>();
        if (fieldsJson == null || fieldsJson.isBlank()) {
            return numbers;
        }
        try (JsonParser parser = JSON.createParser(fieldsJson)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("a report's fields are not a JSON object: " + fieldsJson);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String code = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
                    numbers.put(code, parser.getNumberValue().longValue());
                } else {
                    numbers.remove(code); // a later item of the same name wins, as when the fields are read whole
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a report's fields are not valid JSON: " + fieldsJson, e);
        }
        return numbers;
    }

    DailyReportStamp stamp() {
        return stamp;
    }

    int size() {
        return groups.length;
    }

    /** The reports, each with its numeric items only (no id, reporter, time, text items or missing items). */
    List<DailyReportRow> reports() {
        LocalDate day = stamp.reportDate();
        List<DailyReportRow> reports = new ArrayList<>(groups.length);
        for (int i = 0; i < groups.length; i++) {
            Map<String, Object> fields = new HashMap<>();
            for (int c = 0; c < codes.length; c++) {
                if (present[c].get(i)) {
                    fields.put(codes[c], values[c][i]);
                }
            }
            reports.add(new DailyReportRow(null, day, groups[i], 0, null, null, null, late.get(i), fields, null,
                    true));
        }
        return reports;
    }
}
