package cn.mee.liaison.bot.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextPartsTest {

    @Test
    void aTextThatFitsStaysWhole() {
        assertThat(TextParts.split("日报 检查企业5家", 2048)).containsExactly("日报 检查企业5家");
    }

    @Test
    void longChineseIsCutBetweenCharactersAndNumbered() {
        String text = "检查企业".repeat(600); // 2400 characters, 7200 bytes
        List<String> parts = TextParts.split(text, 2048);
        assertThat(parts).hasSize(4);
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048);
            assertThat(part).startsWith("（" + (i + 1) + "/4）\n");
            // decodes back to the same text: no cut inside a UTF-8 sequence
            assertThat(new String(part.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(part);
        }
        String joined = String.join("", parts.stream().map(p -> p.substring(p.indexOf('\n') + 1)).toList());
        assertThat(joined).isEqualTo(text);
    }

    @Test
    void emojiSurrogatePairsAreNeverSplit() {
        String text = "😀".repeat(1000); // 4 bytes each
        for (String part : TextParts.split(text, 500)) {
            assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(500);
            String body = part.substring(part.indexOf('\n') + 1);
            assertThat(body.codePoints().allMatch(cp -> cp == 0x1F600)).isTrue();
        }
    }

    @Test
    void cutsPreferLineBreaks() {
        String line = "这是一行关于问题整改的说明文字，内容较长。";
        String text = (line + "\n").repeat(100);
        for (String part : TextParts.split(text, 1024)) {
            String body = part.substring(part.indexOf('\n') + 1);
            assertThat(body).endsWith("。");
            assertThat(body.split("\n")).allSatisfy(l -> assertThat(l).isEqualTo(line));
        }
    }
}
