package cn.mee.liaison.bot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.mee.liaison.bot.audit.AuditTrail;
import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.bot.inbound.ChatContext;
import cn.mee.liaison.bot.inbound.InboundMessage;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.directory.Chat;
import cn.mee.liaison.storage.directory.GroupKind;
import cn.mee.liaison.storage.directory.OrgUnit;
import cn.mee.liaison.storage.directory.WorkGroup;
import cn.mee.liaison.storage.message.ChatType;
import cn.mee.liaison.storage.message.ContentKind;
import cn.mee.liaison.storage.message.FiledMessage;
import cn.mee.liaison.storage.message.RecordType;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import cn.mee.liaison.storage.outbox.Purpose;
import cn.mee.liaison.storage.outbox.TargetType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * 急报 with and without its details, with and without anybody to tell: relayed whenever there is somebody, and the
 * sender told exactly who was told, or that nobody could be.
 */
class EmergencyRelayTest {

    private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");
    private static final OrgUnit UNIT = new OrgUnit(1L, "中国环境科学研究院", "coord-a", "王协调");
    private static final OrgUnit UNIT_WITHOUT_COORDINATOR = new OrgUnit(1L, "中国环境科学研究院", null, null);
    private static final Chat BUREAU = new Chat(9L, Channel.SANDBOX, "bureau", null, "执法局工作联络群", null);

    private final Replies replies = new Replies(messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("i18n/replies");
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Test
    void aBareEmergencyIsRelayedAndTheSenderAskedForTheDetails() {
        List<OutboxMessage> out = relay("急报", List.of(BUREAU), UNIT);
        assertThat(relayed(out)).extracting(OutboxMessage::targetId).containsExactly("bureau", "coord-a");
        assertThat(relayed(out)).allSatisfy(m -> assertThat(m.content()).contains("情况：（未写明，已请报告人补充）")
                .doesNotContain("情况：急报"));
        assertThat(reply(out)).contains("急报未写明情况").contains("已立即转报执法局和派出单位协调联络员王协调")
                .contains("例如").contains("急报 组员");
    }

    @Test
    void theReplyNamesOnlyWhoWasTold() {
        String onlyCoordinator = reply(relay("急报 组员李四发生交通事故，轻伤", List.of(), UNIT));
        assertThat(onlyCoordinator).contains("已立即转报派出单位协调联络员王协调").doesNotContain("执法局")
                .contains("请注意安全");
        String onlyBureau = reply(relay("急报 组员李四发生交通事故，轻伤", List.of(BUREAU), UNIT_WITHOUT_COORDINATOR));
        assertThat(onlyBureau).contains("已立即转报执法局。").doesNotContain("协调联络员");
    }

    @Test
    void whenNobodyCanBeToldTheSenderIsToldSo() {
        List<OutboxMessage> out = relay("急报", List.of(), UNIT_WITHOUT_COORDINATOR);
        assertThat(relayed(out)).isEmpty();
        assertThat(reply(out)).contains("未能转报").contains("电话").doesNotContain("已立即转报")
                .contains("急报未写明情况").contains("例如");
    }

    private List<OutboxMessage> relay(String text, List<Chat> bureauChats, OrgUnit unit) {
        WorkGroup group = new WorkGroup(3L, "保定市第一组", 4L, 5L, unit.id(), GroupKind.ORDINARY);
        DirectorySnapshot snapshot = new DirectorySnapshot(1, List.of(unit), List.of(), List.of(), List.of(),
                List.of(group), List.of(), bureauChats, List.of());
        DirectoryCache directory = mock(DirectoryCache.class);
        when(directory.snapshot()).thenReturn(snapshot);
        EmergencyRelay relay = new EmergencyRelay(replies, directory, mock(AuditTrail.class),
                Clock.fixed(NOW, ZoneId.of("Asia/Shanghai")));
        InboundMessage message = new InboundMessage(Channel.SANDBOX, "bd-1", ChatType.GROUP, "m1", "zhangsan", "张三",
                ContentKind.TEXT, text, "{}", false, List.of(), null);
        FiledMessage filed = new FiledMessage(7L, Channel.SANDBOX, "bd-1", ChatType.GROUP, "m1", "zhangsan", "张三",
                3L, unit.id(), 5L, 4L, RecordType.EMERGENCY, ContentKind.TEXT, text, Map.of(), "{}", NOW, false);
        ChatContext sender = new ChatContext(Optional.empty(), Optional.of(group), Optional.of(unit), Optional.empty(),
                Optional.empty(), "zhangsan", "张三", Optional.empty(), false, List.of());
        Interpretation meaning = new Interpretation(text, CommandLine.parse(text), RecordType.EMERGENCY, null);
        return relay.relay(new Exchange(message, filed, meaning, sender, NOW), false);
    }

    private static List<OutboxMessage> relayed(List<OutboxMessage> out) {
        return out.stream().filter(m -> m.purpose() == Purpose.RELAY).toList();
    }

    private static String reply(List<OutboxMessage> out) {
        return out.stream().filter(m -> m.purpose() == Purpose.REPLY && m.targetType() == TargetType.CHAT)
                .map(OutboxMessage::content).reduce((a, b) -> b).orElseThrow();
    }
}
