package cn.mee.liaison.scheduler.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mee.liaison.storage.calendar.DayKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A calendar file reads the same whether saved as UTF-8 or as GB18030 (a spreadsheet on a Chinese Windows). */
class CalendarFileTest {

    private static final String FILE = "2031-01-01,放假,元旦\n2031-01-04,上班,元旦调休\n";

    @Test
    void aFileSavedAsGb18030ReadsLikeTheSameFileInUtf8() {
        List<CalendarFile.Entry> utf8 = CalendarFile.read(new ByteArrayInputStream(
                FILE.getBytes(StandardCharsets.UTF_8)));
        List<CalendarFile.Entry> gb = CalendarFile.read(new ByteArrayInputStream(
                FILE.getBytes(Charset.forName("GB18030"))));
        assertThat(gb).isEqualTo(utf8).containsExactly(
                new CalendarFile.Entry(LocalDate.of(2031, 1, 1), DayKind.HOLIDAY, "元旦"),
                new CalendarFile.Entry(LocalDate.of(2031, 1, 4), DayKind.WORKDAY, "元旦调休"));
    }

    @Test
    void theUploadAndTheDroppedInFileShareTheDecoding() {
        assertThat(CalendarFile.text("春节".getBytes(Charset.forName("GB18030")))).isEqualTo("春节");
        assertThat(CalendarFile.text("春节".getBytes(StandardCharsets.UTF_8))).isEqualTo("春节");
    }
}
