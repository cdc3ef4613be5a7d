package cn.mee.liaison.bot.channel.wecom.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /cgi-bin/message/send}: app messages to members ({@code touser} "a|b" or "@all"). Unknown members are
 * violations (all unknown: 81013; some: answered in {@code invaliduser}); members over their 30/min or 1,000/hour
 * are silently dropped and recorded.
 */
final class AppMessageApi {

    static final String SEND = "/cgi-bin/message/send";
    private static final int MAX_USERS = 1000;

    private final TokenIssuer tokens;
    private final Directory directory;
    private final MediaStore media;
    private final Quotas quotas;
    private final Journal journal;
    private final Clock clock;
    private final ObjectMapper mapper;

    AppMessageApi(TokenIssuer tokens, Directory directory, MediaStore media, Quotas quotas, Journal journal,
                  Clock clock, ObjectMapper mapper) {
        this.tokens = tokens;
        this.directory = directory;
        this.media = media;
        this.quotas = quotas;
        this.journal = journal;
        this.clock = clock;
        this.mapper = mapper;
    }

    void register(FakeHttpApi http) {
        http.route("POST", SEND, this::send);
    }

    private ApiAnswer send(ApiRequest request) {
        TokenIssuer.App app = tokens.authorize(request.query("access_token"));
        quotas.companyCall(app.corpId(), SEND);
        Payload message = request.payload();
        int agentId = message.requiredInt("agentid", WeComError.INVALID_AGENTID);
        if (agentId != app.agentId()) {
            throw Rejection.violation(WeComError.INVALID_AGENTID,
                    "agentid " + agentId + " is not the app of this access_token (" + app.agentId() + ")");
        }
        if (message.has("toparty") || message.has("totag")) {
            throw Rejection.violation(WeComError.INVALID_PARAMETER, "the fake models touser only, not toparty/totag");
        }
        String touser = message.has("touser") ? message.requiredString("touser") : "";
        if (touser.isEmpty()) {
            throw Rejection.violation(WeComError.INVALID_PARAMETER, "touser is missing");
        }
        MessageContent.check(message, media, "corp:" + app.corpId());
        message.optionalIntIn("safe", 0, 2);
        message.optionalIntIn("enable_duplicate_check", 0, 1);
        message.optionalIntIn("enable_id_trans", 0, 1);
        Set<String> recipients = recipients(touser);
        List<String> invalid = new ArrayList<>();
        for (String userId : recipients) {
            if (!directory.isMember(userId)) {
                invalid.add(userId);
                continue;
            }
            Optional<String> dropped = quotas.appMessageTo(app, userId);
            dropped.ifPresent(limit -> journal.dropped(new Dropped(SEND, userId, null, limit, clock.instant())));
        }
        if (!invalid.isEmpty() && invalid.size() == recipients.size()) {
            throw Rejection.violation(WeComError.ALL_RECIPIENTS_INVALID, "no known member in touser " + touser);
        }
        if (!invalid.isEmpty()) {
            journal.violation("POST " + SEND + ": unknown members in touser: " + String.join("|", invalid));
        }
        return ApiAnswer.json(mapper.createObjectNode().put("errcode", 0).put("errmsg", "ok")
                .put("invaliduser", String.join("|", invalid)).put("msgid", media.randomId(16)));
    }

    private Set<String> recipients(String touser) {
        if (touser.equals("@all")) {
            return new LinkedHashSet<>(directory.members());
        }
        Set<String> users = new LinkedHashSet<>(List.of(touser.split("\\|", -1)));
        if (users.size() > MAX_USERS) {
            throw Rejection.violation(WeComError.INVALID_USERID_LIST_LENGTH, "more than " + MAX_USERS + " users");
        }
        return users;
    }
}
