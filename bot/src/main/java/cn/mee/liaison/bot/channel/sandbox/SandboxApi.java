package cn.mee.liaison.bot.channel.sandbox;

import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.bot.inbound.PipelineOutcome;
import cn.mee.liaison.bot.security.Viewer;
import cn.mee.liaison.bot.web.NotFound;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/sandbox")
@Tag(name = "模拟群聊", description = "内置的模拟聊天渠道：与企业微信消息走同一条处理流程")
class SandboxApi {

    private final SandboxChat sandbox;
    private final DirectoryCache directory;
    private final java.time.Clock clock;

    SandboxApi(SandboxChat sandbox, DirectoryCache directory, java.time.Clock clock) {
        this.sandbox = sandbox;
        this.directory = directory;
        this.clock = clock;
    }

    @PostMapping("/messages")
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF')")
    @Operation(summary = "以某成员身份在模拟群中发言",
            description = "返回归档记录的编号；机器人的回复在返回前已送达，可用 GET /chats/{chatId}/messages 读取。")
    Map<String, Object> say(@RequestBody SandboxMessage message) {
        PipelineOutcome outcome = sandbox.say(message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messageId", outcome.filed().id());
        body.put("type", outcome.filed().recordType().name());
        body.put("duplicate", outcome.duplicate());
        return body;
    }

    @GetMapping("/chats/{chatId}/messages")
    @Operation(summary = "机器人在该模拟群中说过的话（最早的在前，最多最近 1000 条）",
            description = "包保单位协调联络员只能读本单位工作组的群，其他群答 404。")
    List<BotLine> botSaid(@PathVariable String chatId) {
        List<Long> scope = Viewer.current().unitScope();
        if (scope != null && directory.snapshot().within(scope).chat(Channel.SANDBOX, chatId).isEmpty()) {
            throw new NotFound("没有本单位的模拟群 " + chatId);
        }
        return lines(sandbox.botSaid(chatId, null));
    }

    private List<BotLine> lines(List<OutboxMessage> said) {
        ZoneId zone = clock.getZone();
        return said.stream()
                .map(m -> new BotLine(SandboxChat.shown(m), m.sentAt().atZone(zone).toOffsetDateTime(), m.id(),
                        m.purpose().name(), m.mentions()))
                .toList();
    }

    @GetMapping("/users/{userId}/messages")
    @Operation(summary = "机器人直接发给某人的消息（如转报给协调联络员的急报），最早的在前，最多最近 1000 条",
            description = "包保单位协调联络员只能读本单位的协调联络员和本单位工作组成员的，其他人答 404。")
    List<BotLine> botToldPerson(@PathVariable String userId) {
        List<Long> scope = Viewer.current().unitScope();
        if (scope != null && !ofUnits(directory.snapshot(), userId, scope)) {
            throw new NotFound("本单位没有用户 " + userId);
        }
        return lines(sandbox.botToldPerson(userId, null));
    }

    /** Whether the person coordinates one of the units or is a member of one of their groups. */
    private static boolean ofUnits(DirectorySnapshot s, String userId, List<Long> units) {
        return s.unitsCoordinatedBy(userId).stream().anyMatch(u -> units.contains(u.id()))
                || s.membershipsOf(userId).stream().flatMap(m -> s.group(m.workGroupId()).stream())
                        .anyMatch(g -> units.contains(g.unitId()));
    }

    /** One thing the bot said: the contract's text and sentAt, then extras. */
    record BotLine(String text, OffsetDateTime sentAt, long id, String purpose, String mentions) {
    }
}
