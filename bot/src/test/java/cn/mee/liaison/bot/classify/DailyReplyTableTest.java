package cn.mee.liaison.bot.classify;

import cn.mee.liaison.storage.message.RecordType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replies to the daily dispatch as work groups write them, in {@code dispatch/daily-replies.yaml}: each is read with
 * the default daily fields and compared, field by field, with what a clerk would file; a free-text reply must also
 * be recognised as a daily report.
 */
class DailyReplyTableTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final String TABLE = "/dispatch/daily-replies.yaml";
    private static final String OTHER_TABLE = "/classify/messages.yaml";
    private static final List<FieldSpec> DAILY_FIELDS = RecordSchemas.fieldsOf(RecordType.DAILY_REPORT);

    private final MessageClassifier classifier = new MessageClassifier();
    private final RecordParsers parsers = new RecordParsers();

    /** How a reply reaches the parser. */
    enum Mode {
        /** A message on its own, which the classifier must recognise. */
        FREE,
        /** The body after the command word 日报: only the parser is asked. */
        COMMAND
    }

    /** One row of the table. */
    record Row(String name, Mode mode, String text, Map<String, Object> fields, List<String> missing,
               List<String> absent) {

        @Override
        public String toString() {
            return mode.name().toLowerCase() + ": " + name;
        }
    }

    static Stream<Arguments> rows() {
        return table().stream().map(row -> Arguments.of(row.toString(), row));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void readsEachReplyAsAClerkWould(String title, Row row) {
        if (row.mode() == Mode.FREE) {
            assertThat(classifier.classify(ChatText.normalize(row.text()))).as("type of %s", row.name())
                    .isEqualTo(RecordType.DAILY_REPORT);
        }

        ParsedRecord record = parsers.parseWith(RecordType.DAILY_REPORT, DAILY_FIELDS, row.text(), TODAY);

        assertThat(record.type()).isEqualTo(RecordType.DAILY_REPORT);
        assertThat(record.fields()).as("fields of %s", row.name()).isEqualTo(expectedFields(row));
        assertThat(record.missingCodes()).as("missing of %s", row.name()).isEqualTo(row.missing());
        assertThat(record.fields()).as("absent fields of %s", row.name())
                .doesNotContainKeys(row.absent().toArray(String[]::new));
        assertThat(parsers.parse(RecordType.DAILY_REPORT, row.text(), TODAY)).as("parse of %s", row.name())
                .isEqualTo(record);
    }

    @Test
    void theTableIsLargeAndCoversWrongReplies() {
        List<Row> table = table();

        assertThat(table).hasSizeGreaterThanOrEqualTo(60);
        assertThat(table).filteredOn(row -> !row.missing().isEmpty()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(table).extracting(Row::mode).contains(Mode.FREE, Mode.COMMAND);
        assertThat(table).extracting(Row::name).doesNotHaveDuplicates();
        assertThat(table).extracting(row -> ChatText.normalize(row.text())).doesNotHaveDuplicates();
    }

    @Test
    void everyRowNamesOnlyDailyFieldsAndContradictsItselfNowhere() {
        Set<String> codes = DAILY_FIELDS.stream().map(FieldSpec::code).collect(Collectors.toSet());
        for (Row row : table()) {
            assertThat(codes).as("codes of %s", row.name())
                    .containsAll(row.fields().keySet()).containsAll(row.missing()).containsAll(row.absent());
            assertThat(row.fields()).as("absent fields of %s", row.name())
                    .doesNotContainKeys(row.absent().toArray(String[]::new));
        }
    }

    @Test
    void noReplyRepeatsADailyReportOfTheGeneralTable() {
        Set<String> general = load(OTHER_TABLE).stream()
                .filter(row -> RecordType.DAILY_REPORT.name().equals(row.get("type")))
                .map(row -> ChatText.normalize(row.get("text") == null ? "" : String.valueOf(row.get("text"))))
                .collect(Collectors.toSet());

        assertThat(table()).extracting(row -> ChatText.normalize(row.text())).doesNotContainAnyElementsOf(general);
    }

    private static Map<String, Object> expectedFields(Row row) {
        Map<String, Object> expected = new LinkedHashMap<>();
        row.fields().forEach((code, value) -> {
            FieldSpec spec = RecordSchemas.field(RecordType.DAILY_REPORT, code)
                    .orElseThrow(() -> new AssertionError("no daily field " + code + " in " + row.name()));
            expected.put(code, switch (spec.kind()) {
                case NUMBER -> ((Number) value).longValue();
                case TEXT, DATE -> ChatText.normalize(value.toString());
            });
        });
        return expected;
    }

    // ---- reading the table -----------------------------------------------------------------------------------

    private static List<Row> table() {
        return load(TABLE).stream().map(DailyReplyTableTest::toRow).toList();
    }

    private static List<Map<String, Object>> load(String resource) {
        try (InputStream in = DailyReplyTableTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Row toRow(Map<String, Object> row) {
        String name = String.valueOf(row.get("name"));
        Object mode = row.get("mode");
        assertThat(mode).as("mode of %s", name).isIn("free", "command");
        return new Row(
                name,
                Mode.valueOf(String.valueOf(mode).toUpperCase()),
                row.get("text") == null ? "" : String.valueOf(row.get("text")),
                row.get("fields") == null ? Map.of() : new LinkedHashMap<>((Map<String, Object>) row.get("fields")),
                row.get("missing") == null ? List.of() : (List<String>) row.get("missing"),
                row.get("absent") == null ? List.of() : (List<String>) row.get("absent"));
    }
}
