package cn.mee.liaison.bot.channel.wecom.fake;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The intelligent robot's {@code response_url}: {@code POST /cgi-bin/aibot/response?response_code=} with a markdown
 * message of at most 20480 bytes; each code works once and for one hour.
 */
final class ResponseUrlApi {

    static final String RESPONSE = "/cgi-bin/aibot/response";
    static final int CONTENT_MAX_BYTES = 20480;

    private final ResponseCodes codes;
    private final ObjectMapper mapper;

    ResponseUrlApi(ResponseCodes codes, ObjectMapper mapper) {
        this.codes = codes;
        this.mapper = mapper;
    }

    void register(FakeHttpApi http) {
        http.route("POST", RESPONSE, this::respond);
    }

    private ApiAnswer respond(ApiRequest request) {
        String code = request.requiredQuery("response_code", WeComError.INVALID_PARAMETER);
        Payload message = request.payload();
        if (!message.has("msgtype")) {
            throw Rejection.violation(WeComError.INVALID_MSGTYPE, "msgtype is missing");
        }
        String msgtype = message.requiredString("msgtype");
        if (!msgtype.equals("markdown")) {
            throw Rejection.violation(WeComError.INVALID_MSGTYPE, "response_url takes markdown, not " + msgtype);
        }
        message.body("markdown").content("content", CONTENT_MAX_BYTES);
        codes.consume(code);
        return ApiAnswer.json(mapper.createObjectNode().put("errcode", 0).put("errmsg", "ok"));
    }
}
