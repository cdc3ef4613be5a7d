package cn.mee.liaison.bot.classify;

import cn.mee.liaison.storage.message.RecordType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class RecordSchemasTest {

    @Test
    void theDailyDispatchReplyHasTheAgreedFields() {
        assertThat(RecordSchemas.fieldsOf(RecordType.DAILY_REPORT))
                .extracting(FieldSpec::code, FieldSpec::label, FieldSpec::kind, FieldSpec::required)
                .containsExactly(
                        tuple("enterprisesChecked", "检查企业数", FieldKind.NUMBER, true),
                        tuple("problemsFound", "发现问题数", FieldKind.NUMBER, true),
                        tuple("assignedChecked", "督办问题核查数", FieldKind.NUMBER, true),
                        tuple("problemsAssigned", "交办问题数", FieldKind.NUMBER, false),
                        tuple("tomorrowPlan", "明日计划", FieldKind.TEXT, true),
                        tuple("other", "其他", FieldKind.TEXT, false));
    }

    @Test
    void requiredFieldsOfTheOtherTypes() {
        assertThat(requiredCodes(RecordType.PROBLEM)).containsExactly("description");
        assertThat(requiredCodes(RecordType.RECTIFICATION_CHECK)).containsExactly("problemRef", "result");
        assertThat(requiredCodes(RecordType.PARTY_ACTIVITY)).containsExactly("content");
        assertThat(requiredCodes(RecordType.MEETING_FILING)).containsExactly("approver", "content");
        assertThat(requiredCodes(RecordType.INTERVIEW_FEEDBACK)).containsExactly("officials", "problems");
        assertThat(requiredCodes(RecordType.BRIEF)).containsExactly("content");
        assertThat(requiredCodes(RecordType.TYPICAL_CASE)).containsExactly("content");
        assertThat(requiredCodes(RecordType.EMERGENCY)).containsExactly("description");
        assertThat(requiredCodes(RecordType.PERSONNEL_CHANGE)).isEmpty();
        assertThat(requiredCodes(RecordType.APPEAL)).containsExactly("reason");
        assertThat(requiredCodes(RecordType.ASSISTANCE_REQUEST)).containsExactly("topic");
    }

    @Test
    void kindsOfTheTypedFields() {
        assertThat(RecordSchemas.field(RecordType.PARTY_ACTIVITY, "date")).map(FieldSpec::kind)
                .hasValue(FieldKind.DATE);
        assertThat(RecordSchemas.field(RecordType.PARTY_ACTIVITY, "participants")).map(FieldSpec::kind)
                .hasValue(FieldKind.NUMBER);
        assertThat(RecordSchemas.field(RecordType.MEETING_FILING, "participants")).map(FieldSpec::label)
                .hasValue("参会人数");
        assertThat(RecordSchemas.field(RecordType.INTERVIEW_FEEDBACK, "date")).map(FieldSpec::kind)
                .hasValue(FieldKind.DATE);
        assertThat(RecordSchemas.field(RecordType.PROBLEM, "nothing")).isEmpty();
    }

    @Test
    void atLeastOneOfGroups() {
        assertThat(RecordSchemas.atLeastOneOf(RecordType.PROBLEM)).extracting(FieldSpec::code)
                .containsExactly("enterprise", "location");
        assertThat(RecordSchemas.atLeastOneOf(RecordType.PERSONNEL_CHANGE)).extracting(FieldSpec::code)
                .containsExactly("outgoing", "incoming");
        assertThat(RecordSchemas.atLeastOneOf(RecordType.DAILY_REPORT)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = RecordType.class, names = {"ACK", "COMMAND", "CHAT"})
    void messagesThatFileNothingHaveNoFields(RecordType type) {
        assertThat(RecordSchemas.fieldsOf(type)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void codesAreUniqueCamelCaseAndLabelsChinese(RecordType type) {
        List<FieldSpec> fields = RecordSchemas.fieldsOf(type);
        assertThat(fields).extracting(FieldSpec::code).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[a-z][a-zA-Z]+"));
        assertThat(fields).extracting(FieldSpec::label)
                .allMatch(label -> label.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                        == Character.UnicodeScript.HAN));
    }

    @Test
    void aNumberLabelAlsoMatchesWithoutItsCountWord() {
        assertThat(FieldSpec.number("nightChecks", "夜查次数", true).allAliases()).startsWith("夜查次数", "夜查");
        assertThat(FieldSpec.number("people", "出动人次", true).allAliases()).startsWith("出动人次", "出动");
        assertThat(FieldSpec.text("plan", "明日计划", true).allAliases()).containsExactly("明日计划");
    }

    @Test
    void aliasesAreNormalizedButKeepTheirGaps() {
        FieldSpec spec = FieldSpec.number("x", "检查企业数", true, "检查…企业", "走访：企业", "  ");

        assertThat(spec.allAliases()).containsExactly("检查企业数", "检查企业", "检查…企业", "走访:企业");
    }

    @Test
    void aFieldNeedsACodeAndALabel() {
        assertThatThrownBy(() -> FieldSpec.text(" ", "标题", true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FieldSpec.text("title", "", true)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new FieldSpec("title", "标题", FieldKind.TEXT, false, null).aliases()).isEmpty();
    }

    private static List<String> requiredCodes(RecordType type) {
        return RecordSchemas.fieldsOf(type).stream().filter(FieldSpec::required).map(FieldSpec::code).toList();
    }
}
