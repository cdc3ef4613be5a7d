package cn.mee.liaison.bot.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mee.liaison.bot.support.RunningBot;
import org.junit.jupiter.api.Test;

/** The API's own errors say in Chinese what is wrong, from i18n/messages.properties. */
class ApiErrorsTest extends RunningBot {

    @Test
    void eachErrorSaysWhatIsWrong() {
        assertError(call("GET", "/api/v1/calendar", null), 400, "missing_parameter", "缺少参数 year");
        assertError(call("GET", "/api/v1/calendar?year=abc", null), 400, "invalid_parameter",
                "参数 year 的值\u201cabc\u201d无效");
        assertError(call("PUT", "/api/v1/calendar/2039-01-02", "{\"kind\": \"NEVER\"}"), 400, "malformed_json",
                "请求体不是有效的 JSON 或字段类型不对（位置：kind）");
        assertError(call("PUT", "/api/v1/calendar/2039-01-02", "text/plain", "x"), 415, "unsupported_media_type",
                "请求体应为 application/json");
    }

    @Test
    void aPathOrMethodNoControllerTakesIsAnsweredInTheSameForm() {
        assertError(call("GET", "/api/v1/no-such-thing", null), 404, "not_found",
                "没有这个接口：/api/v1/no-such-thing");
        Answer delete = call("DELETE", "/api/v1/calendar", null);
        assertError(delete, 405, "method_not_allowed", "不支持的请求方法 DELETE");
    }

    private static void assertError(Answer answer, int status, String error, String message) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.body().get("error").asText()).isEqualTo(error);
        assertThat(answer.body().get("message").asText()).isEqualTo(message);
    }
}
