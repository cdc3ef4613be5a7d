package cn.mee.liaison.bot.classify;

import cn.mee.liaison.storage.message.RecordType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordParsersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    private final RecordParsers parsers = new RecordParsers();

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void anEmptyBodyMissesExactlyTheRequiredFields(RecordType type) {
        ParsedRecord record = parsers.parse(type, null, TODAY);

        assertThat(record.type()).isEqualTo(type);
        assertThat(record.fields()).isEmpty();
        assertThat(record.missingCodes()).containsExactlyElementsOf(expectedMissingWhenEmpty(type));
    }

    @Test
    void valuesHaveTheTypesOfTheirKinds() {
        ParsedRecord record = parsers.parse(RecordType.PARTY_ACTIVITY,
                "活动日期：11月27日\n参加人数：八人\n活动内容：集中学习", TODAY);

        assertThat(record.fields()).containsExactly(
                Map.entry("date", "2026-11-27"),
                Map.entry("form", "集中学习"),
                Map.entry("participants", 8L),
                Map.entry("content", "集中学习"));
        assertThat(record.number("participants")).hasValue(8L);
        assertThat(record.text("date")).hasValue("2026-11-27");
        assertThat(record.complete()).isTrue();
    }

    @Test
    void aProblemNeedsAnEnterpriseOrALocation() {
        ParsedRecord withSite = parsers.parse(RecordType.PROBLEM, "地点：经十路与舜耕路交叉口\n问题：道路积尘严重", TODAY);
        ParsedRecord withNeither = parsers.parse(RecordType.PROBLEM, "问题：道路积尘严重", TODAY);

        assertThat(withSite.fields()).containsEntry("location", "经十路与舜耕路交叉口")
                .containsEntry("description", "道路积尘严重").containsEntry("category", "扬尘");
        assertThat(withSite.missing()).isEmpty();
        assertThat(withNeither.missingCodes()).containsExactly("enterprise");
    }

    @Test
    void aLabelledRectificationResultIsNormalised() {
        ParsedRecord record = parsers.parse(RecordType.RECTIFICATION_CHECK,
                "问题编号：DB-2026-0098\n整改结果：仍未整改", TODAY);

        assertThat(record.fields()).containsEntry("problemRef", "DB-2026-0098").containsEntry("result", "未整改");
    }

    @Test
    void anUnreadableRectificationResultIsMissing() {
        ParsedRecord record = parsers.parse(RecordType.RECTIFICATION_CHECK,
                "问题编号：DB-2026-0098\n整改结果：待定", TODAY);

        assertThat(record.fields()).doesNotContainKey("result");
        assertThat(record.missingCodes()).containsExactly("result");
    }

    @Test
    void anEmergencyWithoutKnownCauseIsOther() {
        ParsedRecord record = parsers.parse(RecordType.EMERGENCY, "工作组驻地停电停水，暂时无法办公", TODAY);

        assertThat(record.fields()).containsEntry("category", "其他")
                .containsEntry("description", "工作组驻地停电停水,暂时无法办公");
    }

    @Test
    void theResultCannotBeChanged() {
        ParsedRecord record = parsers.parse(RecordType.DAILY_REPORT, "检查企业3家", TODAY);

        assertThatThrownBy(() -> record.fields().put("other", "x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> record.missing().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void todayIsAlwaysTheCallersNeverTheSystemClock() {
        assertThatThrownBy(() -> parsers.parse(RecordType.PARTY_ACTIVITY, "今天开展主题党日活动", null))
                .isInstanceOf(NullPointerException.class);
        assertThat(parsers.parse(RecordType.PARTY_ACTIVITY, "今天开展主题党日活动", LocalDate.of(2026, 10, 10))
                .fields()).containsEntry("date", "2026-10-10");
    }

    private static List<String> expectedMissingWhenEmpty(RecordType type) {
        return switch (type) {
            case DAILY_REPORT -> List.of("enterprisesChecked", "problemsFound", "assignedChecked",
                    "tomorrowPlan");
            case PROBLEM -> List.of("description", "enterprise");
            case RECTIFICATION_CHECK -> List.of("problemRef", "result");
            case PARTY_ACTIVITY, BRIEF, TYPICAL_CASE, PUBLIC_COMPLAINT -> List.of("content");
            case MEETING_FILING -> List.of("approver", "content");
            case INTERVIEW_FEEDBACK -> List.of("officials", "problems");
            case EMERGENCY -> List.of("description");
            case PERSONNEL_CHANGE -> List.of("outgoing");
            case APPEAL -> List.of("reason");
            case ASSISTANCE_REQUEST -> List.of("topic");
            case ACK, COMMAND, CHAT -> List.of();
        };
    }
}
