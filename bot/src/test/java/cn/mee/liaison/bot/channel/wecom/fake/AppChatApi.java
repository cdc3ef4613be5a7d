package cn.mee.liaison.bot.channel.wecom.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code POST /cgi-bin/appchat/create} (2–2000 known members, optional owner among them, optional chatid of at most
 * 32 letters and digits) and {@code POST /cgi-bin/appchat/send} (only to an existing chat this app created or one the
 * test set up; members over 200/min or 10,000/day in app group chats are silently dropped and recorded).
 */
final class AppChatApi {

    static final String CREATE = "/cgi-bin/appchat/create";
    static final String SEND = "/cgi-bin/appchat/send";
    private static final Pattern CHAT_ID = Pattern.compile("[0-9a-zA-Z]{1,32}");
    private static final int MIN_MEMBERS = 2;
    private static final int MAX_MEMBERS = 2000;
    private static final int MAX_NAME_CHARS = 50;

    private final TokenIssuer tokens;
    private final Directory directory;
    private final MediaStore media;
    private final Quotas quotas;
    private final Journal journal;
    private final Clock clock;
    private final ObjectMapper mapper;

    AppChatApi(TokenIssuer tokens, Directory directory, MediaStore media, Quotas quotas, Journal journal,
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
        http.route("POST", CREATE, this::create);
        http.route("POST", SEND, this::send);
    }

    private ApiAnswer create(ApiRequest request) {
        TokenIssuer.App app = tokens.authorize(request.query("access_token"));
        quotas.companyCall(app.corpId(), CREATE);
        Payload chat = request.payload();
        String name = chat.optionalString("name").orElse("");
        if (name.codePointCount(0, name.length()) > MAX_NAME_CHARS) {
            throw Rejection.violation(WeComError.INVALID_CHAT_NAME, "name is longer than " + MAX_NAME_CHARS
                    + " characters");
        }
        List<String> members = List.copyOf(new LinkedHashSet<>(
                chat.requiredStringList("userlist", WeComError.INVALID_MEMBER_COUNT)));
        if (members.size() < MIN_MEMBERS || members.size() > MAX_MEMBERS) {
            throw Rejection.violation(WeComError.INVALID_MEMBER_COUNT,
                    "userlist has " + members.size() + " members, allowed " + MIN_MEMBERS + "–" + MAX_MEMBERS);
        }
        for (String member : members) {
            if (!directory.isMember(member)) {
                throw Rejection.violation(WeComError.INVALID_CHAT_MEMBER, "unknown member " + member);
            }
        }
        String owner = chat.optionalString("owner").orElse(members.get(0));
        if (!members.contains(owner)) {
            throw Rejection.violation(WeComError.INVALID_CHAT_OWNER, "owner " + owner + " is not in userlist");
        }
        Optional<String> chosenId = chat.optionalString("chatid").filter(id -> !id.isEmpty());
        if (chosenId.isPresent() && !CHAT_ID.matcher(chosenId.get()).matches()) {
            throw Rejection.violation(WeComError.INVALID_CHATID, "chatid must be 1–32 letters and digits");
        }
        quotas.chatCreation(app.corpId());
        String chatId = chosenId.orElseGet(() -> "wr" + media.randomId(15));
        if (!directory.addChat(new Directory.Chat(chatId, name, owner, members, app))) {
            throw Rejection.violation(WeComError.CHATID_EXISTS, "chatid " + chatId + " already exists");
        }
        return ApiAnswer.json(mapper.createObjectNode().put("errcode", 0).put("errmsg", "ok").put("chatid", chatId));
    }

    private ApiAnswer send(ApiRequest request) {
        TokenIssuer.App app = tokens.authorize(request.query("access_token"));
        quotas.companyCall(app.corpId(), SEND);
        Payload message = request.payload();
        if (!message.has("chatid")) {
            throw Rejection.violation(WeComError.INVALID_CHATID, "chatid is missing");
        }
        String chatId = message.requiredText("chatid");
        Directory.Chat chat = directory.chat(chatId).orElseThrow(() ->
                Rejection.violation(WeComError.CHAT_NOT_FOUND, "chatid " + chatId + " does not exist"));
        if (chat.creator() != null && !chat.creator().equals(app)) {
            throw Rejection.violation(WeComError.NOT_CHAT_CREATOR, "chat " + chatId + " was created by another app");
        }
        MessageContent.check(message, media, "corp:" + app.corpId());
        message.optionalIntIn("safe", 0, 1);
        for (String member : chat.members()) {
            quotas.chatMessageTo(app.corpId(), member).ifPresent(limit ->
                    journal.dropped(new Dropped(SEND, member, chatId, limit, clock.instant())));
        }
        return ApiAnswer.json(mapper.createObjectNode().put("errcode", 0).put("errmsg", "ok"));
    }
}
