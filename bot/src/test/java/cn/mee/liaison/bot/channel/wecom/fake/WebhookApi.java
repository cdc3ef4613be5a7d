package cn.mee.liaison.bot.channel.wecom.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The group robot (消息推送) webhook, 91770: {@code POST /cgi-bin/webhook/send?key=} with text (≤ 2048 bytes,
 * optional mentioned_list / mentioned_mobile_list), markdown (≤ 4096 bytes), image (base64 + md5, ≤ 2 MB), news (1–8
 * articles) and file (a media_id uploaded with this key); {@code POST /cgi-bin/webhook/upload_media?key=&type=file}.
 * 20 messages per minute per key (sliding window), 45009 beyond.
 */
final class WebhookApi {

    static final String SEND = "/cgi-bin/webhook/send";
    static final String UPLOAD = "/cgi-bin/webhook/upload_media";
    static final int TEXT_MAX_BYTES = 2048;
    static final int MARKDOWN_MAX_BYTES = 4096;
    static final int IMAGE_MAX_BYTES = 2 * 1024 * 1024;
    private static final int MAX_ARTICLES = 8;
    private static final int TITLE_MAX_BYTES = 128;
    private static final int DESCRIPTION_MAX_BYTES = 512;

    private final MediaStore media;
    private final Quotas quotas;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final Set<String> keys = new HashSet<>();

    WebhookApi(MediaStore media, Quotas quotas, Clock clock, ObjectMapper mapper) {
        this.media = media;
        this.quotas = quotas;
        this.clock = clock;
        this.mapper = mapper;
    }

    void register(FakeHttpApi http) {
        http.route("POST", SEND, this::send);
        http.route("POST", UPLOAD, this::upload);
    }

    synchronized void key(String key) {
        keys.add(key);
    }

    private ApiAnswer send(ApiRequest request) {
        String key = key(request);
        Payload message = request.payload();
        if (!message.has("msgtype")) {
            throw Rejection.violation(WeComError.INVALID_MSGTYPE, "msgtype is missing");
        }
        String msgtype = message.requiredString("msgtype");
        switch (msgtype) {
            case "text" -> text(message.body("text"));
            case "markdown" -> message.body("markdown").content("content", MARKDOWN_MAX_BYTES);
            case "image" -> image(message.body("image"));
            case "news" -> news(message.body("news"));
            case "file" -> MessageContent.mediaId(message.body("file"), media, "webhook:" + key);
            default -> throw Rejection.violation(WeComError.INVALID_MSGTYPE, "unsupported msgtype " + msgtype);
        }
        quotas.webhookMessage(key);
        return ApiAnswer.json(mapper.createObjectNode().put("errcode", 0).put("errmsg", "ok"));
    }

    private ApiAnswer upload(ApiRequest request) {
        String key = key(request);
        String type = request.requiredQuery("type", WeComError.INVALID_MEDIA_TYPE);
        if (!type.equals("file") && !type.equals("voice")) {
            throw Rejection.violation(WeComError.INVALID_MEDIA_TYPE, "webhook media type must be file or voice");
        }
        MediaUpload upload = MediaUpload.read(request, type);
        MediaStore.Media stored = media.upload(upload.bytes(), upload.filename(), type, "webhook:" + key);
        return ApiAnswer.json(mapper.createObjectNode().put("errcode", 0).put("errmsg", "ok")
                .put("type", type).put("media_id", stored.id())
                .put("created_at", String.valueOf(clock.instant().getEpochSecond())));
    }

    private String key(ApiRequest request) {
        String key = request.requiredQuery("key", WeComError.INVALID_WEBHOOK_KEY);
        synchronized (this) {
            if (!keys.contains(key)) {
                throw Rejection.violation(WeComError.INVALID_WEBHOOK_KEY, "unknown webhook key " + key);
            }
        }
        return key;
    }

    private static void text(Payload text) {
        text.content("content", TEXT_MAX_BYTES);
        text.optionalStringList("mentioned_list");
        text.optionalStringList("mentioned_mobile_list");
    }

    private static void image(Payload image) {
        String base64 = image.requiredText("base64");
        String md5 = image.requiredText("md5");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw Rejection.violation(WeComError.INVALID_PARAMETER, image.path("base64") + " is not Base64");
        }
        if (bytes.length == 0 || bytes.length > IMAGE_MAX_BYTES) {
            throw Rejection.violation(WeComError.INVALID_IMAGE_SIZE,
                    "image of " + bytes.length + " bytes, allowed 1–" + IMAGE_MAX_BYTES);
        }
        if (!md5Hex(bytes).equals(md5.toLowerCase(Locale.ROOT))) {
            throw Rejection.violation(WeComError.INVALID_PARAMETER, image.path("md5") + " does not match the image");
        }
    }

    private static void news(Payload news) {
        List<Payload> articles = news.requiredObjectList("articles");
        if (articles.isEmpty() || articles.size() > MAX_ARTICLES) {
            throw Rejection.violation(WeComError.TOO_MANY_ARTICLES,
                    "news has " + articles.size() + " articles, allowed 1–" + MAX_ARTICLES);
        }
        for (Payload article : articles) {
            String title = article.requiredText("title");
            if (Payload.utf8Length(title) > TITLE_MAX_BYTES) {
                throw Rejection.violation(WeComError.CONTENT_TOO_LONG, article.path("title") + " exceeds "
                        + TITLE_MAX_BYTES + " bytes");
            }
            article.requiredText("url");
            String description = article.optionalString("description").orElse("");
            if (Payload.utf8Length(description) > DESCRIPTION_MAX_BYTES) {
                throw Rejection.violation(WeComError.CONTENT_TOO_LONG, article.path("description") + " exceeds "
                        + DESCRIPTION_MAX_BYTES + " bytes");
            }
            article.optionalString("picurl");
        }
    }

    static String md5Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
