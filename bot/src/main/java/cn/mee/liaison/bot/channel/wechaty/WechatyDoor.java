package cn.mee.liaison.bot.channel.wechaty;

import cn.mee.liaison.bot.outbox.PlainText;
import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.outbox.AttachmentLine;
import cn.mee.liaison.bot.outbox.ChatDoor;
import cn.mee.liaison.bot.outbox.Delivery;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.outbox.MessageFormat;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * WECHATY: text into a WeChat room (or to a contact) through the puppet service's MessageSendText, with real
 * @-mentions ({@code @名字} in the text and the contact ids beside it). Markdown is sent as plain text; a file cannot be
 * sent through this door: a notice's attachment becomes a line with a download link ({@link AttachmentLine}). While the
 * account is logged out, rows wait and are tried again.
 */
@Component
class WechatyDoor implements ChatDoor {

    /** What WeChat puts between an @-mention and the text after it. */
    static final String MENTION_GAP = "\u2005";
    private static final Duration WAIT_FOR_LOGIN = Duration.ofSeconds(30);

    private final WechatyConnection connection;
    private final DirectoryCache directory;
    private final AttachmentLine attachments;

    WechatyDoor(WechatyConnection connection, DirectoryCache directory, AttachmentLine attachments) {
        this.connection = connection;
        this.directory = directory;
        this.attachments = attachments;
    }

    @Override
    public Channel channel() {
        return Channel.WECHATY;
    }

    @Override
    public Delivery deliver(OutboxMessage message) {
        Optional<PuppetClient> client = connection.loggedInClient();
        if (client.isEmpty()) {
            return Delivery.retryAfter("个人微信账号未登录（或与 Wechaty 服务的连接已断开），登录后自动发送", WAIT_FOR_LOGIN);
        }
        List<String> mentions = message.mentions() == null || message.mentions().isBlank() ? List.of()
                : Arrays.stream(message.mentions().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        String body = message.format().carriesFile() ? attachments.of(message, false)
                : message.format() == MessageFormat.MARKDOWN ? PlainText.of(message.content()) : message.content();
        try {
            client.get().sendText(message.targetId(), prefix(client.get(), mentions) + body, mentions);
            return Delivery.sent();
        } catch (StatusRuntimeException e) {
            return outcome(e.getStatus());
        }
    }

    /** {@code @张三 @李四 } before the text, as WeChat shows a mention. */
    private String prefix(PuppetClient client, List<String> mentions) {
        StringBuilder prefix = new StringBuilder();
        for (String id : mentions) {
            String name;
            try {
                name = client.nameOf(id);
            } catch (StatusRuntimeException unknown) {
                name = directory.snapshot().nameOf(id).orElse(id);
            }
            prefix.append('@').append(name).append(MENTION_GAP);
        }
        return prefix.toString();
    }

    static Delivery outcome(Status status) {
        String error = "Wechaty " + status.getCode() + (status.getDescription() == null ? ""
                : "：" + status.getDescription());
        return switch (status.getCode()) {
            case INVALID_ARGUMENT, NOT_FOUND, PERMISSION_DENIED, FAILED_PRECONDITION, OUT_OF_RANGE, UNIMPLEMENTED ->
                    Delivery.failed(error);
            case RESOURCE_EXHAUSTED -> Delivery.retryAfter(error, Duration.ofMinutes(1));
            default -> Delivery.retry(error); // UNAVAILABLE, DEADLINE_EXCEEDED, INTERNAL, UNKNOWN, UNAUTHENTICATED …
        };
    }
}
