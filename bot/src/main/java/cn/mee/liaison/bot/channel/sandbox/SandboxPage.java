package cn.mee.liaison.bot.channel.sandbox;

import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.bot.inbound.PipelineOutcome;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.directory.Chat;
import cn.mee.liaison.storage.directory.OrgUnit;
import cn.mee.liaison.storage.message.FiledMessage;
import cn.mee.liaison.storage.message.FiledMessageMapper;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 模拟群聊: pick a sandbox chat and a member, talk, and watch the bot answer without reloading (the page polls the
 * conversation). What a person is told directly (a coordinator's relayed emergency) shows in their inbox.
 */
@Controller
@PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF')")
class SandboxPage {

    private static final int SHOWN = 200;

    private final SandboxChat sandbox;
    private final DirectoryCache directory;
    private final FiledMessageMapper messages;

    SandboxPage(SandboxChat sandbox, DirectoryCache directory, FiledMessageMapper messages) {
        this.sandbox = sandbox;
        this.directory = directory;
        this.messages = messages;
    }

    /** A chat to pick, with its people. */
    record ChatChoice(String chatId, String label, List<Person> people) {
    }

    record Person(String userId, String name, String role) {
    }

    /** One line of the conversation: a member's message or the bot's. */
    record Line(String key, String side, String who, String text, Instant at, String type) {
    }

    @GetMapping("/sandbox")
    String page(Model model) {
        DirectorySnapshot s = directory.snapshot();
        List<ChatChoice> chats = new ArrayList<>();
        for (Chat chat : s.chats()) {
            if (chat.channel() != Channel.SANDBOX) {
                continue;
            }
            chats.add(chat.bureauChat() ? bureauChoice(s, chat) : groupChoice(s, chat));
        }
        chats.sort(Comparator.comparing((ChatChoice c) -> !c.label().startsWith("执法局"))
                .thenComparing(ChatChoice::label));
        model.addAttribute("chats", chats);
        return "sandbox";
    }

    private static ChatChoice bureauChoice(DirectorySnapshot s, Chat chat) {
        List<Person> people = s.bureauStaff().stream().map(p -> new Person(p.userId(), p.name(), "执法局")).toList();
        return new ChatChoice(chat.chatId(), "执法局｜" + (chat.name() == null ? chat.chatId() : chat.name()), people);
    }

    private static ChatChoice groupChoice(DirectorySnapshot s, Chat chat) {
        List<Person> people = new ArrayList<>();
        s.group(chat.workGroupId()).ifPresent(g -> {
            s.membersOf(g.id()).forEach(m -> people.add(new Person(m.userId(), m.name(), m.role().label())));
            s.unit(g.unitId()).filter(u -> u.coordinatorUserId() != null).map(SandboxPage::coordinator)
                    .ifPresent(people::add);
        });
        String label = s.group(chat.workGroupId()).map(g -> s.cityName(g.cityId()) + "｜" + g.name())
                .orElse(chat.chatId());
        return new ChatChoice(chat.chatId(), label, people);
    }

    private static Person coordinator(OrgUnit unit) {
        return new Person(unit.coordinatorUserId(), unit.coordinatorName(), "协调联络员");
    }

    @GetMapping("/sandbox/conversation")
    @ResponseBody
    List<Line> conversation(@RequestParam String chatId) {
        List<Line> lines = new ArrayList<>();
        for (FiledMessage m : messages.findLatestInChat(chatId, SHOWN)) {
            lines.add(new Line("in-" + m.id(), "member", m.senderName() == null ? m.senderId() : m.senderName(),
                    m.text(), m.receivedAt(), m.recordType().label()));
        }
        List<OutboxMessage> answered = sandbox.botSaid(chatId, null);
        for (OutboxMessage m : answered.subList(Math.max(0, answered.size() - SHOWN), answered.size())) {
            lines.add(bot(m));
        }
        lines.sort(Comparator.comparing(Line::at).thenComparing(Line::key));
        return lines;
    }

    @GetMapping("/sandbox/inbox")
    @ResponseBody
    List<Line> inbox(@RequestParam String userId) {
        return sandbox.botToldPerson(userId, null).stream().map(SandboxPage::bot).toList();
    }

    @PostMapping("/sandbox/say")
    @ResponseBody
    Map<String, Object> say(@RequestBody SandboxMessage message) {
        PipelineOutcome outcome = sandbox.say(message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messageId", outcome.filed().id());
        body.put("type", outcome.filed().recordType().label());
        return body;
    }

    private static Line bot(OutboxMessage m) {
        return new Line("out-" + m.id(), "bot", "联络群机器人", SandboxChat.shown(m), m.sentAt(), m.purpose().name());
    }
}
