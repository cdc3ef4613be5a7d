package cn.mee.liaison.bot.classify;

import cn.mee.liaison.storage.message.RecordType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Custom daily-dispatch plans: field lists chosen by the bureau, read with {@link RecordParsers#parseWith}. */
class ParseWithTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    /** A custom count with no alias but its label. */
    private static final FieldSpec NIGHT_CHECKS = FieldSpec.number("nightChecks", "夜查次数", true);
    private static final FieldSpec PEOPLE_OUT = FieldSpec.number("peopleDispatched", "出动人次", false);
    private static final FieldSpec SITES = FieldSpec.number("sitesChecked", "检查工地数", false, "巡查…工地");
    private static final FieldSpec PUBLICITY = FieldSpec.text("publicity", "宣传情况", false);
    private static final FieldSpec CHECK_DATE = FieldSpec.date("checkDate", "检查日期", false);
    private static final FieldSpec ENTERPRISES = RecordSchemas.field(RecordType.DAILY_REPORT, "enterprisesChecked")
            .orElseThrow();

    private final RecordParsers parsers = new RecordParsers();

    @Test
    void theDefaultPlansReadingOfAReportIsTheFilingsReadingNotASecondOne() {
        String body = "检查企业6家，发现问题1个，督办问题核查0个，明日计划：复查";
        ParsedRecord filed = parsers.parse(RecordType.DAILY_REPORT, body, TODAY);
        ParsedRecord counted = new RecordParsers().parseWith(RecordType.DAILY_REPORT,
                RecordSchemas.fieldsOf(RecordType.DAILY_REPORT), body, TODAY);

        assertThat(counted).isSameAs(filed);
        assertThat(counted.fields()).containsEntry("enterprisesChecked", 6L).containsEntry("tomorrowPlan", "复查");
    }

    @Test
    void anotherPlanAnotherDayOrAnotherTextIsReadAnew() {
        String body = "检查企业6家，夜查2次";
        ParsedRecord filed = parsers.parse(RecordType.DAILY_REPORT, body, TODAY);
        ParsedRecord custom = parsers.parseWith(RecordType.DAILY_REPORT, List.of(ENTERPRISES, NIGHT_CHECKS), body,
                TODAY);
        ParsedRecord nextDay = parsers.parseWith(RecordType.DAILY_REPORT, List.of(ENTERPRISES, NIGHT_CHECKS), body,
                TODAY.plusDays(1));
        ParsedRecord otherText = parsers.parseWith(RecordType.DAILY_REPORT, List.of(ENTERPRISES, NIGHT_CHECKS),
                "检查企业7家，夜查2次", TODAY.plusDays(1));

        assertThat(filed.fields()).doesNotContainKey("nightChecks");
        assertThat(custom).isNotSameAs(filed);
        assertThat(custom.fields()).containsExactly(Map.entry("enterprisesChecked", 6L), Map.entry("nightChecks", 2L));
        assertThat(nextDay).isNotSameAs(custom).isEqualTo(custom);
        assertThat(otherText.fields()).containsEntry("enterprisesChecked", 7L);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "夜查次数2次 | 2",
            "夜查2次 | 2",
            "夜查次数：两次 | 2",
            "夜查次数:3 | 3",
            "今晚夜查十次 | 10",
            "夜查次数：无 | 0",
            "今日未夜查 | 0",
            "检查企业5家，夜查1次，发现问题2个 | 1"})
    void aCustomCountIsFoundByItsLabelAlone(String body, long expected) {
        ParsedRecord record = parsers.parseWith(RecordType.DAILY_REPORT, List.of(NIGHT_CHECKS), body, TODAY);

        assertThat(record.fields()).containsExactly(Map.entry("nightChecks", expected));
        assertThat(record.missing()).isEmpty();
    }

    @Test
    void aCustomPlanMixesBuiltInAndCustomFields() {
        List<FieldSpec> plan = List.of(ENTERPRISES, NIGHT_CHECKS, PEOPLE_OUT, SITES, PUBLICITY, CHECK_DATE);

        ParsedRecord record = parsers.parseWith(RecordType.DAILY_REPORT, plan,
                "检查日期：11月27日\n检查企业6家，夜查2次，出动12人次，巡查了四个工地\n宣传情况：发放材料50份，现场宣讲1场", TODAY);

        assertThat(record.fields()).containsExactly(
                Map.entry("enterprisesChecked", 6L),
                Map.entry("nightChecks", 2L),
                Map.entry("peopleDispatched", 12L),
                Map.entry("sitesChecked", 4L),
                Map.entry("publicity", "发放材料50份,现场宣讲1场"),
                Map.entry("checkDate", "2026-11-27"));
        assertThat(record.missing()).isEmpty();
    }

    @Test
    void aCustomRequiredFieldThatIsNotWrittenIsMissing() {
        ParsedRecord record = parsers.parseWith(RecordType.DAILY_REPORT, List.of(ENTERPRISES, NIGHT_CHECKS),
                "今天检查企业6家，明天继续", TODAY);

        assertThat(record.fields()).containsExactly(Map.entry("enterprisesChecked", 6L));
        assertThat(record.missingCodes()).containsExactly("nightChecks");
    }

    @Test
    void aTextFieldMayStartAClauseWithoutColon() {
        ParsedRecord record = parsers.parseWith(RecordType.DAILY_REPORT, List.of(NIGHT_CHECKS, PUBLICITY),
                "夜查2次，宣传情况发放材料50份", TODAY);

        assertThat(record.fields()).containsEntry("nightChecks", 2L).containsEntry("publicity", "发放材料50份");
    }

    @Test
    void anUnlabelledDateFillsTheOnlyDateField() {
        ParsedRecord record = parsers.parseWith(RecordType.DAILY_REPORT, List.of(NIGHT_CHECKS, CHECK_DATE),
                "11月27日夜查2次", TODAY);

        assertThat(record.fields()).containsEntry("checkDate", "2026-11-27").containsEntry("nightChecks", 2L);
    }

    @Test
    void theStandardListGivesTheSameAsParse() {
        String body = "检查企业12家，发现问题3个，督办核查2个，交办问题1个，明日计划：继续排查";

        ParsedRecord custom = parsers.parseWith(RecordType.DAILY_REPORT,
                RecordSchemas.fieldsOf(RecordType.DAILY_REPORT), body, TODAY);

        assertThat(custom).isEqualTo(parsers.parse(RecordType.DAILY_REPORT, body, TODAY));
        assertThat(custom.fields()).containsEntry("problemsAssigned", 1L).containsEntry("tomorrowPlan", "继续排查");
    }

    @Test
    void customFieldsKeepTheOrderOfTheList() {
        ParsedRecord record = parsers.parseWith(RecordType.DAILY_REPORT, List.of(PEOPLE_OUT, NIGHT_CHECKS),
                "夜查3次，出动9人次", TODAY);

        assertThat(record.fields().keySet()).containsExactly("peopleDispatched", "nightChecks");
    }

    @Test
    void anotherTypeWithASubsetOfItsFields() {
        List<FieldSpec> specs = List.of(
                RecordSchemas.field(RecordType.PROBLEM, "enterprise").orElseThrow(),
                RecordSchemas.field(RecordType.PROBLEM, "description").orElseThrow());

        ParsedRecord record = parsers.parseWith(RecordType.PROBLEM, specs, "鑫盛砖厂脱硫设施停运", TODAY);

        assertThat(record.fields()).containsExactly(
                Map.entry("enterprise", "鑫盛砖厂"),
                Map.entry("description", "鑫盛砖厂脱硫设施停运"));
        assertThat(record.missing()).isEmpty();
    }
}
