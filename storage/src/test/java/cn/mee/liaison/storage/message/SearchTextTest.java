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
        assertThat(SearchText.query(q)).isEqualTo("+扬尘_ +zu7 +zg3 +(zu7 zu8) +ztproblem +(zm202610 zm202611)");
        assertThat(SearchText.query(q.containing("镇"))).isNull();
    }

    @Test
    void aSampleKeepsTheCommonBigramsAndTheTagsOutWhenTheyWouldNotNarrow() {
        // 有限 and 公司 in every sampled message, 化工 in one of ten, 恒达 never
        java.util.List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            texts.add(i % 10 == 0 ? "保定化工有限公司" : "某某有限公司");
        }
        BigramSample sample = BigramSample.of(texts, 1_000_000);
        MessageQuery q = new MessageQuery(null, 3L, 7L, null, null, RecordType.PROBLEM, null,
                java.time.Instant.parse("2026-10-15T00:00:00Z"), java.time.Instant.parse("2026-12-01T00:00:00Z"),
                "恒达化工有限公司", null, 0, 20).sampled(sample);
        // a rare name: its rare bigrams, no tags
        assertThat(SearchText.query(q)).isEqualTo("+恒达_ +达化_");
        assertThat(q.keywordReach()).isZero();
        // all common: the two rarest, and the unit's and group's tags (100,000 possible messages)
        assertThat(SearchText.query(q.containing("化工有限"))).isEqualTo("+化工_ +工有_ +zu7 +zg3");
        // without them, the type's and the months'
        MessageQuery broad = new MessageQuery(null, null, null, null, null, RecordType.PROBLEM, null,
                java.time.Instant.parse("2026-10-15T00:00:00Z"), java.time.Instant.parse("2026-12-01T00:00:00Z"),
                "化工有限", null, 0, 20).sampled(sample);
        assertThat(SearchText.query(broad)).isEqualTo("+化工_ +工有_ +ztproblem +(zm202610 zm202611)");
        assertThat(q.containing("化工有限").keywordReach()).isEqualTo(100_000);
        // 1,000 to 5,000 possible: the unit's and group's tags only
        BigramSample small = BigramSample.of(texts, 20_000);
        assertThat(SearchText.query(q.containing("化工").sampled(small))).isEqualTo("+化工_ +zu7 +zg3");
        // no sample: everything, as before
        assertThat(SearchText.query(q.sampled(null)))
                .isEqualTo("+恒达_ +达化_ +化工_ +工有_ +有限_ +限公_ +公司_ +zu7 +zg3 +ztproblem +(zm202610 zm202611)");
        assertThat(q.sampled(null).keywordReach()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aKeywordRequiresAllItsBigramsOrHasNoQuery() {
        assertThat(SearchText.query("检查企业")).isEqualTo("+检查_ +查企_ +企业_");
        assertThat(SearchText.query("涉VOCs企业")).isEqualTo("+企业_");
        assertThat(SearchText.query("镇")).isNull();
        assertThat(SearchText.query("VOCs")).isNull();
    }
}
