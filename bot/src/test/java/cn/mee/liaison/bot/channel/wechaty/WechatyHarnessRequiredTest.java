package cn.mee.liaison.bot.channel.wechaty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the test against the real puppet service must run rather than skip for want of Node.js: in CI. */
class WechatyHarnessRequiredTest {

    @Test
    void inCiTheRealServiceTestMayNotSkip() {
        assertThat(WechatyPuppetServiceTest.nodeRequired(Map.of("LIAISON_CI", "1"))).isTrue();
        assertThat(WechatyPuppetServiceTest.nodeRequired(Map.of("CI", "true"))).isTrue();
        assertThat(WechatyPuppetServiceTest.nodeRequired(Map.of("CI", "1"))).isTrue();
        assertThat(WechatyPuppetServiceTest.nodeRequired(Map.of("CI", "false"))).isFalse();
        assertThat(WechatyPuppetServiceTest.nodeRequired(Map.of("LIAISON_CI", "0"))).isFalse();
        assertThat(WechatyPuppetServiceTest.nodeRequired(Map.of())).isFalse();
    }
}
