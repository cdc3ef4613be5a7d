package cn.mee.liaison.bot.channel.wecom.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLConnection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * {@code GET /cgi-bin/media/get}, {@code POST /cgi-bin/media/upload?type=image|voice|video|file} (multipart part
 * {@code media}) and the intelligent robot's encrypted downloads below {@code /cgi-bin/aibot/media/}.
 */
final class MediaApi {

    static final String GET = "/cgi-bin/media/get";
    static final String UPLOAD = "/cgi-bin/media/upload";
    static final String ROBOT_MEDIA = "/cgi-bin/aibot/media";

    private final TokenIssuer tokens;
    private final MediaStore media;
    private final Quotas quotas;
    private final Clock clock;
    private final ObjectMapper mapper;

    MediaApi(TokenIssuer tokens, MediaStore media, Quotas quotas, Clock clock, ObjectMapper mapper) {
        this.tokens = tokens;
        this.media = media;
        this.quotas = quotas;
        this.clock = clock;
        this.mapper = mapper;
    }

    void register(FakeHttpApi http) {
        http.route("GET", GET, this::get);
        http.route("POST", UPLOAD, this::upload);
        http.routeBelow("GET", ROBOT_MEDIA, this::robotFile);
    }

    private ApiAnswer get(ApiRequest request) {
        TokenIssuer.App app = tokens.authorize(request.query("access_token"));
        quotas.companyCall(app.corpId(), GET);
        String mediaId = request.requiredQuery("media_id", WeComError.MISSING_MEDIA_ID);
        MediaStore.Media found = media.find(mediaId, "corp:" + app.corpId()).orElseThrow(() ->
                Rejection.violation(WeComError.INVALID_MEDIA_ID, "media_id " + mediaId + " is unknown or expired"));
        return ApiAnswer.bytes(found.bytes(), contentType(found.filename()),
                Map.of("Content-Disposition", disposition(found.filename())));
    }

    private ApiAnswer upload(ApiRequest request) {
        TokenIssuer.App app = tokens.authorize(request.query("access_token"));
        quotas.companyCall(app.corpId(), UPLOAD);
        String type = request.requiredQuery("type", WeComError.INVALID_MEDIA_TYPE);
        MediaUpload upload = MediaUpload.read(request, type);
        MediaStore.Media stored = media.upload(upload.bytes(), upload.filename(), type, "corp:" + app.corpId());
        return ApiAnswer.json(mapper.createObjectNode().put("errcode", 0).put("errmsg", "")
                .put("type", type).put("media_id", stored.id())
                .put("created_at", String.valueOf(clock.instant().getEpochSecond())));
    }

    private ApiAnswer robotFile(ApiRequest request) {
        String id = request.path().substring(ROBOT_MEDIA.length() + 1);
        byte[] encrypted = media.robotFile(id).orElseThrow(() ->
                Rejection.violation(WeComError.INVALID_MEDIA_ID, "no robot media " + id));
        return ApiAnswer.bytes(encrypted, "application/octet-stream", Map.of());
    }

    private static String contentType(String filename) {
        String guessed = URLConnection.guessContentTypeFromName(filename);
        return guessed != null ? guessed : "application/octet-stream";
    }

    /** {@code attachment; filename="…"}, percent-encoding non-ASCII names (and adding RFC 5987 filename*). */
    static String disposition(String filename) {
        boolean ascii = filename.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\');
        if (ascii) {
            return "attachment; filename=\"" + filename + "\"";
        }
        String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + encoded + "\"; filename*=UTF-8''" + encoded;
    }
}
