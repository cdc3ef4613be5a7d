package cn.mee.liaison.bot.channel.sandbox;

import cn.mee.liaison.bot.inbound.InboundMessage;
import cn.mee.liaison.bot.pipeline.InboundPipeline;
import cn.mee.liaison.bot.inbound.PipelineOutcome;
import cn.mee.liaison.bot.outbox.OutboxWorker;
import cn.mee.liaison.bot.web.BadRequest;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.message.ChatType;
import cn.mee.liaison.storage.message.ContentKind;
import cn.mee.liaison.storage.outbox.OutboxMapper;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import cn.mee.liaison.storage.outbox.TargetType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The simulated chat platform: a member says something in a sandbox chat, it goes through the same pipeline as a
 * WeCom message, and the bot's answers are delivered through the outbox before this returns.
 */
@Service
public class SandboxChat {

    static final int MAX_TEXT = 20_000;

    private final InboundPipeline pipeline;
    private final OutboxWorker worker;
    private final OutboxMapper outbox;
    private final ObjectMapper json;

    SandboxChat(InboundPipeline pipeline, OutboxWorker worker, OutboxMapper outbox, ObjectMapper json) {
        this.pipeline = pipeline;
        this.worker = worker;
        this.outbox = outbox;
        this.json = json;
    }

    public PipelineOutcome say(SandboxMessage said) {
        String text = said.text() == null ? "" : said.text();
        require(said.chatId(), "chatId");
        require(said.userId(), "userId");
        if (text.isBlank()) {
            throw new BadRequest("invalid_request", "text：消息内容不能为空");
        }
        if (text.length() > MAX_TEXT) {
            throw new BadRequest("invalid_request", "text：消息过长（不超过 " + MAX_TEXT + " 个字）");
        }
        String externalId = said.externalId() == null || said.externalId().isBlank()
                ? "sb-" + UUID.randomUUID() : said.externalId().strip();
        PipelineOutcome outcome = pipeline.handle(new InboundMessage(Channel.SANDBOX, said.chatId().strip(),
                ChatType.GROUP, externalId, said.userId().strip(), said.userName(), ContentKind.TEXT, text,
                raw(said, externalId), false, List.of(), blankToNull(said.quote())));
        worker.deliverNow(outcome.replyIds());
        return outcome;
    }

    /** Everything the bot has said in a sandbox chat, oldest first; from a time on when given. */
    public List<OutboxMessage> botSaid(String chatId, Instant since) {
        return outbox.findSentTo(Channel.SANDBOX, TargetType.CHAT, chatId, since, 1000);
    }

    /** What the bot has told one person directly (a coordinator's relayed emergencies …), oldest first. */
    public List<OutboxMessage> botToldPerson(String userId, Instant since) {
        return outbox.findSentTo(Channel.SANDBOX, TargetType.USER, userId, since, 1000);
    }

    private String raw(SandboxMessage said, String externalId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("msgid", externalId);
        payload.put("chatId", said.chatId());
        payload.put("userId", said.userId());
        payload.put("userName", said.userName());
        payload.put("text", said.text());
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new BadRequest("invalid_request", field + "：不能为空");
        }
        if (value.length() > 128) {
            throw new BadRequest("invalid_request", field + "：过长（不超过 128 个字符）");
        }
    }

    /** What a member sees of a line the bot sent: its text, or a file by its name (not where the bot keeps it). */
    static String shown(OutboxMessage said) {
        return said.format().carriesFile() ? "［文件］" + Path.of(said.content()).getFileName() : said.content();
    }
}
