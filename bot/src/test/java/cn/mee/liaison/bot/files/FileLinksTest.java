package cn.mee.liaison.bot.files;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mee.liaison.testsupport.OffsetClock;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Download links: on the public base URL, unguessable, bound to their file, expiring; none without a base URL. */
class FileLinksTest {

    @TempDir
    Path dataDir;

    private final OffsetClock clock = OffsetClock.shanghai();

    private FileLinks links(String base) {
        return new FileLinks(new FileStore(dataDir.toString()), clock, base, Duration.ofDays(30));
    }

    private static String token(FileLinks.FileLink link) {
        String path = link.url().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Test
    void aLinkIsOnThePublicBaseAndValidForItsFileOnly() {
        FileLinks links = links("https://liaison.example.gov.cn/bot/");
        FileLinks.FileLink link = links.link("notice", 42).orElseThrow();
        assertThat(link.url().toString()).startsWith("https://liaison.example.gov.cn/bot/files/notice/42/");
        assertThat(Duration.between(clock.instant(), link.expires()))
                .isBetween(Duration.ofDays(30).minusSeconds(2), Duration.ofDays(30));
        String token = token(link);
        assertThat(links.valid("notice", 42, token)).isTrue();
        assertThat(links.valid("notice", 43, token)).isFalse();
        assertThat(links.valid("other", 42, token)).isFalse();
        assertThat(links.valid("notice", 42, token.substring(0, token.length() - 1))).isFalse();
        assertThat(links.valid("notice", 42, "")).isFalse();
        assertThat(links.valid("notice", 42, "zzzzzzzzzzzzzzzzzzzz.x")).isFalse();
        // a later expiry written into the token does not carry the signature along
        String later = Long.toString(link.expires().plus(Duration.ofDays(365)).getEpochSecond(), 36)
                + token.substring(token.indexOf('.'));
        assertThat(links.valid("notice", 42, later)).isFalse();
    }

    @Test
    void aLinkExpiresAfterTheConfiguredTime() {
        FileLinks links = links("https://bot.example");
        String token = token(links.link("notice", 7).orElseThrow());
        clock.advance(Duration.ofDays(29));
        assertThat(links.valid("notice", 7, token)).isTrue();
        clock.advance(Duration.ofDays(1));
        assertThat(links.valid("notice", 7, token)).isFalse();
    }

    @Test
    void theKeyIsKeptInTheDataDirectoryForEveryInstance() {
        String token = token(links("https://bot.example").link("notice", 9).orElseThrow());
        assertThat(dataDir.resolve(FileLinks.KEY_FILE)).isRegularFile();
        assertThat(links("https://bot.example").valid("notice", 9, token)).isTrue();
    }

    @Test
    void withoutAPublicBaseUrlThereAreNoLinks() {
        assertThat(links("").link("notice", 1)).isEmpty();
    }
}
