package cn.mee.liaison.bot.channel.wecom.api;

import cn.mee.liaison.bot.channel.wecom.WeComProperties;
import cn.mee.liaison.bot.channel.wecom.api.WeComFailure.Kind;
import cn.mee.liaison.storage.outbox.MessageFormat;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The self-built app's server APIs: messages to members (message/send), group chats the app creates and sends to
 * (appchat/create, appchat/send), media downloads and uploads. A refused token is refreshed and the call tried once
 * more.
 */
@Component
public class AppApi {

    private final WeComProperties.App app;
    private final WeComHttp http;
    private final AccessTokens tokens;

    AppApi(WeComProperties properties, WeComHttp http, AccessTokens tokens) {
        this.app = properties.app();
        this.http = http;
        this.tokens = tokens;
    }

    public boolean configured() {
        return app.sendingConfigured();
    }

    /**
     * message/send to members; the answer's invaliduser (members that could not be reached) is returned.
     *
     * @param payload the message: {@code msgtype} and the object of that type, see {@link #payload}
     */
    public String sendToMembers(List<String> userIds, Map<String, Object> payload) {
        Map<String, Object> body = new LinkedHashMap<>(payload);
        body.put("touser", String.join("|", userIds));
        body.put("agentid", Long.parseLong(app.agentId()));
        JsonNode answer = withToken(token -> http.post(uri("/cgi-bin/message/send", token), body));
        return answer.path("invaliduser").asText("");
    }

    /** appchat/create; WeCom shows a new group only after its first message. */
    public String createChat(String name, String owner, List<String> members, String chatId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        if (owner != null) {
            body.put("owner", owner);
        }
        body.put("userlist", members);
        if (chatId != null) {
            body.put("chatid", chatId);
        }
        return withToken(token -> http.post(uri("/cgi-bin/appchat/create", token), body)).path("chatid").asText();
    }

    public void sendToChat(String chatId, Map<String, Object> payload) {
        Map<String, Object> body = new LinkedHashMap<>(payload);
        body.put("chatid", chatId);
        withToken(token -> http.post(uri("/cgi-bin/appchat/send", token), body));
    }

    public Download media(String mediaId) {
        return withToken(token -> http.download(http.api("/cgi-bin/media/get?access_token=" + encode(token)
                + "&media_id=" + encode(mediaId))));
    }

    /** media/upload of a file or picture, for a message; returns its media_id (valid three days). */
    public String upload(String type, String fileName, String contentType, byte[] content) {
        return withToken(token -> http.upload(http.api("/cgi-bin/media/upload?access_token=" + encode(token)
                + "&type=" + type), fileName, contentType, content)).path("media_id").asText();
    }

    /** A text or markdown message: {@code {"msgtype": …, "<type>": {"content": …}}}. */
    public static Map<String, Object> payload(MessageFormat format, String content) {
        String type = format == MessageFormat.MARKDOWN ? "markdown" : "text";
        return payload(type, Map.of("content", content));
    }

    /** A message of any type, e.g. {@code payload("file", Map.of("media_id", id))}. */
    public static Map<String, Object> payload(String type, Map<String, Object> content) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("msgtype", type);
        body.put(type, content);
        return body;
    }

    private <T> T withToken(Function<String, T> call) {
        if (!configured()) {
            throw new WeComFailure(Kind.PERMANENT, 0,
                    "未配置企业微信自建应用（liaison.wecom.app.corp-id / agent-id / secret）");
        }
        String token = tokens.token(app);
        try {
            return call.apply(token);
        } catch (WeComFailure failure) {
            if (failure.kind() != Kind.TOKEN) {
                throw failure;
            }
            tokens.refused(app, token);
            return call.apply(tokens.token(app));
        }
    }

    private URI uri(String path, String token) {
        return http.api(path + "?access_token=" + encode(token));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
