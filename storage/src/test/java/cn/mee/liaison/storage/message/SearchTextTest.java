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
                .isEqualTo("扬尘_ 尘治_ 治理_ zu7 zc5 zg3 zm202611 ztdaily_report ztdaily_report202611 zu7m202611 "
                        + "zc5m202611 zu7ztdaily_report zc5ztdaily_report");
        assertThat(SearchText.of("扬尘", 7L, null, null, "CHAT", null)).isEqualTo("扬尘_ zu7 ztchat zu7ztchat");
        assertThat(SearchText.of("扬尘", null, 5L, null, null, java.time.Instant.parse("2026-11-30T00:00:00Z")))
                .isEqualTo("扬尘_ zc5 zm202611 zc5m202611");
        assertThat(SearchText.of("收到", null, null, null, "ACK", null)).isEqualTo("收到_ ztack");
        MessageQuery q = new MessageQuery(null, 3L, 7L, null, null, RecordType.PROBLEM, null,
                java.time.Instant.parse("2026-10-15T00:00:00Z"), java.time.Instant.parse("2026-12-01T00:00:00Z"),
                "扬尘", java.util.List.of(7L, 8L), 0, 20);
        // no sample: everything, the unit by its months (a window is never known to hold more than the type), the
        // type in the window's months
        assertThat(SearchText.query(q)).isEqualTo(
                "+扬尘_ +(zu7m202610 zu7m202611) +zg3 +(zu7 zu8) +(ztproblem202610 ztproblem202611)");
        assertThat(SearchText.query(q.containing("镇"))).isNull();
        // the type alone, the window alone, a city with the type
        MessageQuery typeOnly = new MessageQuery(null, null, null, 5L, null, RecordType.PROBLEM, null, null, null,
                "扬尘", null, 0, 20);
        assertThat(SearchText.query(typeOnly)).isEqualTo("+扬尘_ +zc5ztproblem +ztproblem");
        assertThat(SearchText.query(typeOnly.ofType(null))).isEqualTo("+扬尘_ +zc5");
        MessageQuery windowOnly = new MessageQuery(null, null, null, null, null, null, null,
                java.time.Instant.parse("2026-10-15T00:00:00Z"), java.time.Instant.parse("2026-12-01T00:00:00Z"),
                "扬尘", null, 0, 20);
        assertThat(SearchText.query(windowOnly)).isEqualTo("+扬尘_ +(zm202610 zm202611)");
    }

    /** Sampled messages of these texts, all of one type. */
    static java.util.List<SampledMessage> sampled(java.util.List<String> texts, String type) {
        return texts.stream().map(t -> new SampledMessage(t, type)).toList();
    }

    private static final java.time.Instant END = java.time.Instant.parse("2026-11-30T12:00:00Z");
    private static final java.time.Instant YEAR_BEFORE = END.minus(java.time.Duration.ofDays(365));

    @Test
    void aSampleKeepsTheCommonBigramsAndTheTagsOutWhenTheyWouldNotNarrow() {
        // 有限 and 公司 in every sampled message, 化工 in one of ten, 恒达 never; all problems
        java.util.List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            texts.add(i % 10 == 0 ? "保定化工有限公司" : "某某有限公司");
        }
        BigramSample sample = BigramSample.of(sampled(texts, "PROBLEM"), 1_000_000, YEAR_BEFORE, END, false);
        MessageQuery q = new MessageQuery(null, 3L, 7L, null, null, RecordType.PROBLEM, null,
                java.time.Instant.parse("2026-10-15T00:00:00Z"), java.time.Instant.parse("2026-12-01T00:00:00Z"),
                "恒达化工有限公司", null, 0, 20).sampled(sample);
        // a rare name: its rare bigrams, no tags
        assertThat(SearchText.query(q)).isEqualTo("+恒达_ +达化_");
        assertThat(q.keywordReach()).isZero();
        // all common: the two rarest, and the unit's and group's tags (100,000 possible messages)
        // all common: the two rarest, and the unit's and group's tags (100,000 possible messages), the unit in the
        // window's months: two of the year's months against the type of every sampled message
        assertThat(SearchText.query(q.containing("化工有限"))).isEqualTo("+化工_ +工有_ +(zu7m202610 zu7m202611) +zg3");
        assertThat(q.containing("化工有限").keywordReach()).isEqualTo(100_000);
        // 1,000 or more possible: the unit's and group's tags
        BigramSample small = BigramSample.of(sampled(texts, "PROBLEM"), 20_000, YEAR_BEFORE, END, false);
        assertThat(SearchText.query(q.containing("化工").sampled(small))).isEqualTo("+化工_ +(zu7m202610 zu7m202611) +zg3");
        // a type rarer than the window's months: the unit with the type
        java.util.List<SampledMessage> mixed = new java.util.ArrayList<>(sampled(texts, "CHAT"));
        mixed.add(new SampledMessage("保定化工有限公司", "PROBLEM"));
        BigramSample rareType = BigramSample.of(mixed, 1_000_000, YEAR_BEFORE, END, false);
        assertThat(SearchText.query(q.containing("化工有限").sampled(rareType))).isEqualTo("+化工_ +工有_ +zu7ztproblem +zg3");
        // no sample: everything, as before
        assertThat(SearchText.query(q.sampled(null)))
                .isEqualTo("+恒达_ +达化_ +化工_ +工有_ +有限_ +限公_ +公司_ +(zu7m202610 zu7m202611) +zg3 "
                        + "+(ztproblem202610 ztproblem202611)");
        assertThat(q.sampled(null).keywordReach()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void rowsInMemoryTheTypesAndMonthsTagsOnlyWhereTheySpareMoreRowsThanTheirPostingListsCost() {
        // 1,000,000 messages filed over a year, 1,000 sampled: 40 % daily reports, 5 % party activities, the rest
        // chat; 扬尘 in 7 % of them, all daily reports; 主题党日 in every party activity
        java.util.List<SampledMessage> messages = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String type = i % 20 < 8 ? "DAILY_REPORT" : i % 20 == 8 ? "PARTY_ACTIVITY" : "CHAT";
            messages.add(new SampledMessage(i % 100 < 7 ? "施工工地扬尘管控" : type.equals("PARTY_ACTIVITY")
                    ? "开展主题党日活动" : "今天检查企业", type));
        }
        BigramSample year = BigramSample.of(messages, 1_000_000, YEAR_BEFORE, END, true);
        assertThat(year.typeShare("DAILY_REPORT")).isEqualTo(0.4);
        assertThat(year.timeShare(END.minus(java.time.Duration.ofDays(73)), END)).isCloseTo(0.2,
                org.assertj.core.data.Offset.offset(0.001));
        assertThat(year.timeShare(END.minus(java.time.Duration.ofDays(3650)), END)).isEqualTo(1);
        assertThat(year.timeShare(null, END)).isEqualTo(1);
        assertThat(year.timeShare(YEAR_BEFORE.minus(java.time.Duration.ofDays(30)), YEAR_BEFORE)).as("before the first")
                .isZero();
        assertThat(BigramSample.UNKNOWN.timeShare(YEAR_BEFORE, END)).isEqualTo(1);

        java.time.Instant to = java.time.Instant.parse("2026-09-29T00:00:00Z");
        MessageQuery quarter = new MessageQuery(null, null, null, null, null, RecordType.DAILY_REPORT, null,
                to.minus(java.time.Duration.ofDays(90)), to, "扬尘", null, 0, 20).sampled(year);
        // counted up to 1,001: some 17,500 matches among the 70,000 candidates, 1,001 found in ~4,000 rows — fewer
        // than the 100,000 entries of the lists of three months of daily reports are worth
        assertThat(year.messagesOfTypeWithAll("DAILY_REPORT", SearchText.bigrams("扬尘"))).isEqualTo(70_000);
        assertThat(SearchText.query(quarter, 1001)).isEqualTo("+扬尘_");
        // read to the end (a page sorted by time, an exact total): 63,000 rows spared, worth it
        assertThat(SearchText.query(quarter))
                .isEqualTo("+扬尘_ +(ztdaily_report202607 ztdaily_report202608 ztdaily_report202609)");
        assertThat(quarter.searchQuery(1001)).isEqualTo("+扬尘_");
        // a word of another type: no match among the daily reports, every candidate read without the tags: the tags
        assertThat(SearchText.query(quarter.containing("主题党日"), 1001))
                .isEqualTo("+主题_ +题党_ +(ztdaily_report202607 ztdaily_report202608 ztdaily_report202609)");
        // a type without the word, in a month: the tags
        MessageQuery party = new MessageQuery(null, null, null, null, null, RecordType.PARTY_ACTIVITY, null,
                to.minus(java.time.Duration.ofDays(30)), to, "扬尘", null, 0, 20).sampled(year);
        assertThat(SearchText.query(party, 1001)).isEqualTo("+扬尘_ +(ztparty_activity202608 ztparty_activity202609)");
        // the months alone, counted up to 1,001: found in ~4,000 rows without their tags
        assertThat(SearchText.query(quarter.ofType(null), 1001)).isEqualTo("+扬尘_");
        // the same rows read from disk: the tags from 5,000 possible messages
        BigramSample onDisk = BigramSample.of(messages, 1_000_000, YEAR_BEFORE, END, false);
        assertThat(SearchText.query(quarter.sampled(onDisk), 1001))
                .isEqualTo("+扬尘_ +(ztdaily_report202607 ztdaily_report202608 ztdaily_report202609)");
        // no type and no window: nothing to add
        assertThat(SearchText.query(new MessageQuery(null, null, null, null, null, null, null, null, null, "扬尘",
                null, 0, 20).sampled(year))).isEqualTo("+扬尘_");
    }

    @Test
    void aKeywordRequiresAllItsBigramsOrHasNoQuery() {
        assertThat(SearchText.query("检查企业")).isEqualTo("+检查_ +查企_ +企业_");
        assertThat(SearchText.query("涉VOCs企业")).isEqualTo("+企业_");
        assertThat(SearchText.query("镇")).isNull();
        assertThat(SearchText.query("VOCs")).isNull();
    }
}
