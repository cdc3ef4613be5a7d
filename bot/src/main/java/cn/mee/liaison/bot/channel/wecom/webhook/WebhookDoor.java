package cn.mee.liaison.bot.channel.wecom.webhook;

import cn.mee.liaison.bot.channel.wecom.WeComDelivery;
import cn.mee.liaison.bot.channel.wecom.api.WeComHttp;
import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.files.FileStore;
import cn.mee.liaison.bot.outbox.ChatDoor;
import cn.mee.liaison.bot.outbox.Delivery;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.directory.Chat;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * WECOM_WEBHOOK: a group-robot webhook (消息推送), send only, to the one group its key belongs to. Text with
 * @-mentions by user id or mobile, markdown (mentions as {@code <@userid>}), pictures (base64 and MD5, at most 2 MB)
 * and files (uploaded with the webhook's own upload_media first).
 */
@Component
class WebhookDoor implements ChatDoor {

    static final int MAX_IMAGE_BYTES = 2 * 1024 * 1024;
    private static final Pattern MOBILE = Pattern.compile("1\\d{10}");

    private final WeComHttp http;
    private final DirectoryCache directory;
    private final FileStore files;

    WebhookDoor(WeComHttp http, DirectoryCache directory, FileStore files) {
        this.http = http;
        this.directory = directory;
        this.files = files;
    }

    @Override
    public Channel channel() {
        return Channel.WECOM_WEBHOOK;
    }

    @Override
    public Delivery deliver(OutboxMessage message) {
        Optional<String> key = directory.snapshot().chat(Channel.WECOM_WEBHOOK, message.targetId())
                .map(Chat::webhookKey).filter(k -> !k.isBlank());
        if (key.isEmpty()) {
            return Delivery.failed("群 " + message.targetId() + " 没有配置 webhookKey（在组织架构中补充后可重新发送）");
        }
        return WeComDelivery.attempt(() -> {
            Map<String, Object> payload = payload(key.get(), message);
            if (payload == null) {
                return Delivery.failed("图片超过 2 MB，群机器人无法发送");
            }
            http.post(uri("/cgi-bin/webhook/send", key.get()), payload);
            return Delivery.sent();
        });
    }

    private Map<String, Object> payload(String key, OutboxMessage message) {
        List<String> mentions = message.mentions() == null ? List.of()
                : Arrays.stream(message.mentions().split(",")).map(String::strip).filter(m -> !m.isEmpty()).toList();
        return switch (message.format()) {
            case TEXT -> text(message.content(), mentions);
            case MARKDOWN -> of("markdown", Map.of("content", markdown(message.content(), mentions)));
            case IMAGE -> image(files.read(message.content()));
            case FILE -> of("file", Map.of("media_id", upload(key, message.content())));
        };
    }

    private static Map<String, Object> text(String content, List<String> mentions) {
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("content", content);
        List<String> ids = new ArrayList<>();
        List<String> mobiles = new ArrayList<>();
        for (String mention : mentions) {
            (MOBILE.matcher(mention).matches() ? mobiles : ids).add(mention);
        }
        if (!ids.isEmpty()) {
            text.put("mentioned_list", ids);
        }
        if (!mobiles.isEmpty()) {
            text.put("mentioned_mobile_list", mobiles);
        }
        return of("text", text);
    }

    private static String markdown(String content, List<String> mentions) {
        StringBuilder out = new StringBuilder(content);
        for (String mention : mentions) {
            if (!MOBILE.matcher(mention).matches()) {
                out.append(out.isEmpty() ? "" : "\n").append("<@").append(mention).append('>');
            }
        }
        return out.toString();
    }

    private static Map<String, Object> image(byte[] bytes) {
        if (bytes.length > MAX_IMAGE_BYTES) {
            return null;
        }
        return of("image", Map.of("base64", Base64.getEncoder().encodeToString(bytes), "md5", md5(bytes)));
    }

    private String upload(String key, String path) {
        String name = Path.of(path).getFileName().toString();
        return http.upload(http.api("/cgi-bin/webhook/upload_media?key=" + encode(key) + "&type=file"),
                name, "application/octet-stream", files.read(path)).path("media_id").asText();
    }

    private URI uri(String path, String key) {
        return http.api(path + "?key=" + encode(key));
    }

    private static Map<String, Object> of(String type, Map<String, Object> content) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("msgtype", type);
        body.put(type, content);
        return body;
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
