package cn.mee.liaison.storage.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void theIndexTextIsTheDistinctHanBigramsPaddedToThreeCharacters() {
        assertThat(SearchText.of("扬尘治理，扬尘")).isEqualTo("扬尘_ 尘治_ 治理_");
        assertThat(SearchText.of("VOCs无组织排放 100%")).isEqualTo("无组_ 组织_ 织排_ 排放_");
        assertThat(SearchText.of("镇 上")).isEmpty();
        assertThat(SearchText.of("𠀀𠀁")).isEqualTo("𠀀𠀁_"); // outside the BMP
        assertThat(SearchText.of(null)).isEmpty();
    }

    @Test
    void theFiltersAreTagsAfterTheBigrams() {
        assertThat(SearchText.of("扬尘治理", 7L, 5L, 3L, "DAILY_REPORT", java.time.Instant.parse("2026-11-30T23:59:00Z")))
                .isEqualTo("扬尘_ 尘治_ 治理_ zu7 zc5 zg3 zm202611 ztdaily_report");
        assertThat(SearchText.of("收到", null, null, null, "ACK", null)).isEqualTo("收到_ ztack");
        MessageQuery q = new MessageQuery(null, 3L, 7L, null, null, RecordType.PROBLEM, null,
                java.time.Instant.parse("2026-10-15T00:00:00Z"), java.time.Instant.parse("2026-12-01T00:00:00Z"),
                "扬尘", java.util.List.of(7L, 8L), 0, 20);
        assertThat(SearchText.query(q)).isEqualTo("+扬尘_ +zu7 +zg3 +ztproblem +(zu7 zu8) +(zm202610 zm202611)");
        assertThat(SearchText.query(q.containing("镇"))).isNull();
    }

    @Test
    void aKeywordRequiresAllItsBigramsOrHasNoQuery() {
        assertThat(SearchText.query("检查企业")).isEqualTo("+检查_ +查企_ +企业_");
        assertThat(SearchText.query("涉VOCs企业")).isEqualTo("+企业_");
        assertThat(SearchText.query("镇")).isNull();
        assertThat(SearchText.query("VOCs")).isNull();
    }
}
