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
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A day's current reports as the charts and rankings of a range read them, column by column to take little memory
 * (about 40 bytes a report): the groups that reported, whether each was late, the required items each lacks (a
 * reference, null for the complete ones), and the numeric items (what a summary adds up, as {@code long}s as the
 * summary adds them). Other items, the reporter and the time are not kept.
 */
final class DayFigures {

    private static final JsonFactory JSON = new JsonFactory();

    private final DailyReportStamp stamp;
    private final long[] groups;
    private final BitSet late;
    /** Per report: the codes of the required items it lacks, null when complete. */
    private final String[] missing;
    private final String[] codes;
    /** Per code, per report: the value, where {@link #present} says there is one. */
    private final long[][] values;
    private final BitSet[] present;

    private DayFigures(DailyReportStamp stamp, long[] groups, BitSet late, String[] missing, String[] codes,
                       long[][] values, BitSet[] present) {
        this.stamp = stamp;
        this.groups = groups;
        this.late = late;
        this.missing = missing;
        this.codes = codes;
        this.values = values;
        this.present = present;
    }

    /**
     * A day's figures read report by report, the numbers going straight into their columns (no map of each report's
     * items is made on the way); {@link #done} gives the day.
     */
    static final class Reading {

        private int size;
        private long[] groups = new long[64];
        private String[] missing = new String[64];
        private final BitSet late = new BitSet();
        private final Map<String, Integer> columns = new LinkedHashMap<>();
        private final List<long[]> values = new ArrayList<>();
        private final List<BitSet> present = new ArrayList<>();

        /** The next report of the day, in the order the day's reports are to be given. */
        void add(long group, boolean isLate, String fieldsJson) {
            add(group, isLate, fieldsJson, null);
        }

        /** The next report of the day, lacking the required items coded in {@code lacks} (null or empty: none). */
        void add(long group, boolean isLate, String fieldsJson, String lacks) {
            int row = size++;
            if (row == groups.length) {
                groups = Arrays.copyOf(groups, row * 2);
                missing = Arrays.copyOf(missing, row * 2);
            }
            groups[row] = group;
            missing[row] = lacks == null || lacks.isBlank() ? null : lacks;
            late.set(row, isLate);
            eachItem(fieldsJson, (code, value) -> {
                int column = columns.computeIfAbsent(code, c -> {
                    values.add(new long[groups.length]);
                    present.add(new BitSet());
                    return values.size() - 1;
                });
                if (value == null) {
                    present.get(column).clear(row);
                    return;
                }
                long[] columnValues = values.get(column);
                if (row >= columnValues.length) {
                    columnValues = Arrays.copyOf(columnValues, groups.length);
                    values.set(column, columnValues);
                }
                columnValues[row] = value;
                present.get(column).set(row);
            });
        }

        /** The day's figures, as read after its stamp (so that they are at least as new as the stamp says). */
        DayFigures done(DailyReportStamp stamp) {
            long[][] columnValues = new long[values.size()][];
            for (int c = 0; c < columnValues.length; c++) {
                columnValues[c] = Arrays.copyOf(values.get(c), size);
            }
            return new DayFigures(stamp, Arrays.copyOf(groups, size), late, Arrays.copyOf(missing, size),
                    columns.keySet().toArray(String[]::new), columnValues, present.toArray(BitSet[]::new));
        }
    }

    /**
     * The numeric items of a report's stored fields, as {@code long}s ({@link Number#longValue()}, as the summary
     * adds them up), read straight off the JSON: the other items are skipped, not built.
     */
    static Map<String, Long> numbers(String fieldsJson) {
        Map<String, Long> numbers = new LinkedHashMap<>();
        eachItem(fieldsJson, (code, value) -> {
            if (value == null) {
                numbers.remove(code);
            } else {
                numbers.put(code, value);
            }
        });
        return numbers;
    }

    /**
     * Each item of a report's stored fields in order: its number as a {@code long}, or null for an item that is not
     * a number (a later item of the same name wins, as when the fields are read whole).
     */
    private static void eachItem(String fieldsJson, BiConsumer<String, Long> item) {
        if (fieldsJson == null || fieldsJson.isBlank()) {
            return;
        }
        try (JsonParser parser = JSON.createParser(fieldsJson)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("a report's fields are not a JSON object: " + fieldsJson);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String code = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_NUMBER_INT) {
                    item.accept(code, parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                            ? parser.getBigIntegerValue().longValue() : parser.getLongValue());
                } else if (value == JsonToken.VALUE_NUMBER_FLOAT) {
                    item.accept(code, parser.getNumberValue().longValue());
                } else {
                    item.accept(code, null);
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a report's fields are not valid JSON: " + fieldsJson, e);
        }
    }

    DailyReportStamp stamp() {
        return stamp;
    }

    int size() {
        return groups.length;
    }

    /** The reports, each with its numeric items and missing items only (no id, reporter, time or text items). */
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
            reports.add(new DailyReportRow(null, day, groups[i], 0, null, null, null, late.get(i), fields,
                    missing[i], true));
        }
        return reports;
    }
}
