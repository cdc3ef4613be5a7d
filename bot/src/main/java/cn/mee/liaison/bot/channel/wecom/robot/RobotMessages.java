package cn.mee.liaison.bot.channel.wecom.robot;

import cn.mee.liaison.bot.inbound.InboundMessage;
import cn.mee.liaison.bot.inbound.InboundMessage.IncomingFile;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.message.ChatType;
import cn.mee.liaison.storage.message.ContentKind;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an intelligent-robot message (the decrypted callback body, or the body of a long-connection frame) into an
 * inbound message: text, mixed (text and pictures), quote, picture, file, voice (as WeCom transcribed it) and events.
 * Stream-refresh callbacks are not messages and give nothing.
 */
final class RobotMessages {

    private RobotMessages() {
    }

    /**
     * @param raw          what to keep as the raw payload (the decrypted body, or the whole frame)
     * @param perFileKeys  true on the long connection, where every file carries its own key (aeskey); false on the
     *                     webhook, where files are encrypted with the robot's EncodingAESKey
     */
    static Optional<InboundMessage> read(JsonNode body, String raw, boolean perFileKeys) {
        String type = body.path("msgtype").asText("");
        if (type.equals("stream")) {
            return Optional.empty();
        }
        String sender = body.path("from").path("userid").asText(null);
        boolean group = "group".equals(body.path("chattype").asText());
        String chatId = group ? body.path("chatid").asText(null) : sender;
        if (chatId == null || chatId.isBlank()) {
            return Optional.empty();
        }
        List<IncomingFile> files = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        ContentKind kind = read(type, body, text, files, perFileKeys);
        String externalId = body.path("msgid").asText("");
        if (externalId.isBlank()) {
            externalId = "event:" + sender + ":" + body.path("create_time").asText("")
                    + ":" + body.path("event").path("eventtype").asText("");
        }
        return Optional.of(new InboundMessage(Channel.WECOM_ROBOT, chatId, group ? ChatType.GROUP : ChatType.SINGLE,
                externalId, sender, null, kind, text.toString().strip(), raw, true, files, quoted(body.path("quote"))));
    }

    private static ContentKind read(String type, JsonNode body, StringBuilder text, List<IncomingFile> files,
                                    boolean perFileKeys) {
        switch (type) {
            case "text" -> {
                text.append(body.path("text").path("content").asText(""));
                return ContentKind.TEXT;
            }
            case "voice" -> {
                text.append(body.path("voice").path("content").asText(""));
                return ContentKind.VOICE;
            }
            case "image" -> {
                file("IMAGE", body.path("image"), files, perFileKeys);
                return ContentKind.IMAGE;
            }
            case "file" -> {
                file("FILE", body.path("file"), files, perFileKeys);
                return ContentKind.FILE;
            }
            case "mixed" -> {
                for (JsonNode item : body.path("mixed").path("msg_item")) {
                    String itemType = item.path("msgtype").asText("");
                    if (itemType.equals("text")) {
                        text.append(item.path("text").path("content").asText("")).append('\n');
                    } else if (itemType.equals("image")) {
                        file("IMAGE", item.path("image"), files, perFileKeys);
                    }
                }
                return ContentKind.MIXED;
            }
            case "event" -> {
                text.append(body.path("event").path("eventtype").asText(""));
                return ContentKind.EVENT;
            }
            default -> {
                return ContentKind.TEXT;
            }
        }
    }

    /** The text of a quoted message (text, or the text items of mixed), if any. */
    private static String quoted(JsonNode quote) {
        if (quote.isMissingNode() || quote.isNull()) {
            return null;
        }
        StringBuilder text = new StringBuilder(quote.path("text").path("content").asText(""));
        for (JsonNode item : quote.path("mixed").path("msg_item")) {
            text.append(item.path("text").path("content").asText(""));
        }
        return text.isEmpty() ? null : text.toString();
    }

    private static void file(String kind, JsonNode node, List<IncomingFile> files, boolean perFileKeys) {
        String url = node.path("url").asText("");
        if (url.isBlank()) {
            return;
        }
        String key = perFileKeys ? node.path("aeskey").asText(null) : IncomingFileKeys.ROBOT;
        files.add(new IncomingFile(kind, url, key, node.path("filename").asText(null)));
    }
}
