package cn.mee.liaison.bot.channel.wecom.app;

import cn.mee.liaison.bot.inbound.InboundMessage;
import cn.mee.liaison.bot.inbound.InboundMessage.IncomingFile;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.message.ChatType;
import cn.mee.liaison.storage.message.ContentKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a message a member sent to the self-built app (decrypted XML fields) into an inbound message. */
final class AppMessagesIn {

    private AppMessagesIn() {
    }

    static InboundMessage read(Map<String, String> xml, String raw) {
        String type = xml.getOrDefault("MsgType", "");
        String sender = xml.get("FromUserName");
        List<IncomingFile> files = new ArrayList<>();
        String text = "";
        ContentKind kind;
        switch (type) {
            case "text" -> {
                text = xml.getOrDefault("Content", "");
                kind = ContentKind.TEXT;
            }
            case "image" -> {
                media(files, "IMAGE", xml);
                kind = ContentKind.IMAGE;
            }
            case "voice" -> {
                media(files, "VOICE", xml);
                text = xml.getOrDefault("Recognition", "");
                kind = ContentKind.VOICE;
            }
            case "video", "file" -> {
                media(files, "FILE", xml);
                kind = ContentKind.FILE;
            }
            case "event" -> {
                text = xml.getOrDefault("Event", "");
                kind = ContentKind.EVENT;
            }
            default -> {
                text = xml.getOrDefault("Content", "");
                kind = ContentKind.TEXT;
            }
        }
        String msgId = xml.getOrDefault("MsgId", "");
        String externalId = msgId.isBlank()
                ? "event:" + sender + ":" + xml.getOrDefault("CreateTime", "") + ":" + xml.getOrDefault("Event", "")
                : msgId;
        return new InboundMessage(Channel.WECOM_APP, sender, ChatType.SINGLE, externalId, sender, null, kind, text,
                raw, true, files, null);
    }

    private static void media(List<IncomingFile> files, String kind, Map<String, String> xml) {
        String mediaId = xml.get("MediaId");
        if (mediaId != null && !mediaId.isBlank()) {
            files.add(new IncomingFile(kind, "media:" + mediaId, null, null));
        }
    }
}
