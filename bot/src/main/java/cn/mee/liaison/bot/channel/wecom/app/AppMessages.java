package cn.mee.liaison.bot.channel.wecom.app;

import cn.mee.liaison.bot.channel.wecom.api.AppApi;
import cn.mee.liaison.bot.channel.wecom.api.WeComFailure;
import cn.mee.liaison.bot.files.FileStore;
import cn.mee.liaison.storage.outbox.MessageFormat;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Turns an outbox row into the self-built app's message: text, markdown, or an uploaded file or picture. */
@Component
class AppMessages {

    private final AppApi api;
    private final FileStore files;

    AppMessages(AppApi api, FileStore files) {
        this.api = api;
        this.files = files;
    }

    void toChat(String chatId, OutboxMessage message) {
        api.sendToChat(chatId, payload(message));
    }

    void toMember(String userId, OutboxMessage message) {
        String unreachable = api.sendToMembers(List.of(userId), payload(message));
        if (!unreachable.isBlank()) {
            throw new WeComFailure(WeComFailure.Kind.PERMANENT, 0, "成员 " + unreachable + " 不在应用可见范围内或不存在");
        }
    }

    private Map<String, Object> payload(OutboxMessage message) {
        if (!message.format().carriesFile()) {
            return AppApi.payload(message.format(), message.content());
        }
        String type = message.format() == MessageFormat.IMAGE ? "image" : "file";
        String name = Path.of(message.content()).getFileName().toString();
        String mediaId = api.upload(type, name, type.equals("image") ? "image/png" : "application/octet-stream",
                files.read(message.content()));
        return AppApi.payload(type, Map.of("media_id", mediaId));
    }
}
