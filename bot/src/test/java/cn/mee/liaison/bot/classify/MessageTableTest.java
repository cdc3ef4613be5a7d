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
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table of realistic messages in {@code classify/messages.yaml}: each is classified and read, and compared
 * with the type and the field values a person would file for it.
 */
class MessageTableTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final String TABLE = "/classify/messages.yaml";

    private final MessageClassifier classifier = new MessageClassifier();
    private final RecordParsers parsers = new RecordParsers();

    /** One row of the table. */
    record Case(String name, String text, RecordType type, Map<String, Object> fields, List<String> missing,
                List<String> absent, boolean command) {

        @Override
        public String toString() {
            return type + " " + name;
        }
    }

    static Stream<Arguments> cases() {
        return table().stream().map(c -> Arguments.of(c.toString(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void classifiesAndReadsEachMessage(String title, Case row) {
        String normalized = ChatText.normalize(row.text());
        if (!row.command()) {
            assertThat(classifier.classify(normalized)).as("type of %s", row.name()).isEqualTo(row.type());
        }
        ParsedRecord record = parsers.parse(row.type(), row.text(), TODAY);

        assertThat(record.type()).isEqualTo(row.type());
        row.fields().forEach((code, expected) -> {
            FieldSpec spec = RecordSchemas.field(row.type(), code)
                    .orElseThrow(() -> new AssertionError("no field " + code + " in " + row.type()));
            Object value = switch (spec.kind()) {
                case NUMBER -> ((Number) expected).longValue();
                case TEXT, DATE -> ChatText.normalize(expected.toString());
            };
            assertThat(record.fields()).as("%s of %s", code, row.name()).containsEntry(code, value);
        });
        assertThat(record.missingCodes()).as("missing of %s", row.name()).isEqualTo(row.missing());
        assertThat(record.fields()).as("absent fields of %s", row.name()).doesNotContainKeys(
                row.absent().toArray(String[]::new));
    }

    @Test
    void theTableCoversEveryKindOfMessage() {
        List<Case> table = table();
        Map<RecordType, Integer> perType = new EnumMap<>(RecordType.class);
        table.forEach(c -> perType.merge(c.type(), 1, Integer::sum));

        assertThat(table).hasSizeGreaterThanOrEqualTo(80);
        assertThat(perType.get(RecordType.DAILY_REPORT)).isGreaterThanOrEqualTo(35);
        assertThat(table).filteredOn(c -> c.type() == RecordType.DAILY_REPORT && !c.missing().isEmpty())
                .hasSizeGreaterThanOrEqualTo(8);
        for (RecordType type : RecordType.values()) {
            if (type != RecordType.COMMAND) {
                assertThat(perType.getOrDefault(type, 0)).as("cases of %s", type).isGreaterThanOrEqualTo(3);
            }
        }
        assertThat(table).extracting(Case::toString).doesNotHaveDuplicates();
    }

    // ---- reading the table -----------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static List<Case> table() {
        try (InputStream in = MessageTableTest.class.getResourceAsStream(TABLE)) {
            assertThat(in).as(TABLE).isNotNull();
            List<Map<String, Object>> rows = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return rows.stream().map(MessageTableTest::toCase).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + TABLE, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Case toCase(Map<String, Object> row) {
        Map<String, Object> fields = row.get("fields") == null
                ? Map.of() : new LinkedHashMap<>((Map<String, Object>) row.get("fields"));
        return new Case(
                String.valueOf(row.get("name")),
                row.get("text") == null ? "" : String.valueOf(row.get("text")),
                RecordType.valueOf(String.valueOf(row.get("type"))),
                fields,
                row.get("missing") == null ? List.of() : (List<String>) row.get("missing"),
                row.get("absent") == null ? List.of() : (List<String>) row.get("absent"),
                Boolean.TRUE.equals(row.get("command")));
    }
}
