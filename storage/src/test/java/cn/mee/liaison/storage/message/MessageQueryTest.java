package cn.mee.liaison.storage.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageQueryTest {

    private static final Instant FROM = Instant.parse("2026-10-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void theRangeOfAReadInTimeOrderIsItsIndexsFilterWithinTheWindow() {
        MessageQuery everything = new MessageQuery("chat-1", 3L, 7L, 5L, 2L, RecordType.CHAT, "u1", FROM, TO, "扬尘",
                List.of(7L, 8L), 40, 20);
        assertThat(everything.timeOrderRange()).isEqualTo(new MessageQuery("chat-1", null, null, null, null, null,
                null, FROM, TO, null, null, 0, 20));
        MessageQuery unitAndType = new MessageQuery(null, null, 7L, null, 2L, RecordType.CHAT, null, FROM, TO, "扬尘",
                List.of(7L), 0, 20);
        assertThat(unitAndType.timeOrderIndex()).isEqualTo("ix_filed_message_unit");
        assertThat(unitAndType.timeOrderRange()).isEqualTo(new MessageQuery(null, null, 7L, null, null, null, null,
                FROM, TO, null, null, 0, 20));
        MessageQuery cityAndUnit = new MessageQuery(null, null, 7L, 5L, null, RecordType.PROBLEM, null, null, null,
                "扬尘", null, 0, 20);
        assertThat(cityAndUnit.timeOrderRange()).isEqualTo(new MessageQuery(null, null, null, 5L, null, null, null,
                null, null, null, null, 0, 20));
        MessageQuery typeOnly = new MessageQuery(null, null, null, null, null, RecordType.DAILY_REPORT, null, FROM, TO,
                "扬尘", null, 0, 20);
        assertThat(typeOnly.timeOrderRange().type()).isEqualTo(RecordType.DAILY_REPORT);
        MessageQuery keywordAlone = MessageQuery.all().containing("扬尘");
        assertThat(keywordAlone.timeOrderRange()).isEqualTo(MessageQuery.all().page(0, keywordAlone.limit()));
        // the range names the same index as the query
        for (MessageQuery q : List.of(everything, unitAndType, cityAndUnit, typeOnly, keywordAlone,
                new MessageQuery(null, 3L, 7L, null, null, null, "u1", null, null, "扬尘", null, 0, 20),
                new MessageQuery(null, null, null, null, null, null, "u1", null, null, "扬尘", null, 0, 20))) {
            assertThat(q.timeOrderRange().timeOrderIndex()).isEqualTo(q.timeOrderIndex());
        }
    }
}
