package cn.mee.liaison.bot.channel.wecom.fake;

import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code GET /cgi-bin/gettoken?corpid=&corpsecret=}. */
final class TokenApi {

    static final String GETTOKEN = "/cgi-bin/gettoken";

    private final TokenIssuer tokens;
    private final ObjectMapper mapper;

    TokenApi(TokenIssuer tokens, ObjectMapper mapper) {
        this.tokens = tokens;
        this.mapper = mapper;
    }

    void register(FakeHttpApi http) {
        http.route("GET", GETTOKEN, this::gettoken);
    }

    private ApiAnswer gettoken(ApiRequest request) {
        TokenIssuer.Issued issued = tokens.issue(request.query("corpid"), request.query("corpsecret"));
        return ApiAnswer.json(mapper.createObjectNode().put("errcode", 0).put("errmsg", "ok")
                .put("access_token", issued.token()).put("expires_in", issued.expiresIn()));
    }
}
