package cn.mee.liaison.bot;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.security.ConsoleUsers;
import cn.mee.liaison.bot.support.RunningBot;
import cn.mee.liaison.bot.support.TestOrganisation;
import cn.mee.liaison.storage.audit.AuditLogMapper;
import cn.mee.liaison.storage.user.ConsoleRole;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.SecurityFilterChain;

/** Logins, roles and what each may see, through the API; health, metrics and the OpenAPI description. */
class ApiSecurityTest extends RunningBot {

    @Autowired
    ConsoleUsers users;
    @Autowired
    DirectoryCache directory;
    @Autowired
    AuditLogMapper audit;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void healthNeedsNoLogin() {
        Answer health = call(null, null, "GET", "/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void onlyHealthMetricsAndInfoOfTheActuatorAreOpen() {
        assertThat(call(null, null, "GET", "/actuator/prometheus", null).status()).isEqualTo(200);
        assertThat(call(null, null, "GET", "/actuator/env", null).status()).isIn(401, 403);
        assertThat(call("admin", ADMIN_PASSWORD, "GET", "/actuator/env", null).status()).isIn(401, 403);
    }

    @Test
    void thePlatformsCallbacksPassNoFilterButTheOneThatLetsThemThrough(@Autowired List<SecurityFilterChain> chains) {
        MockHttpServletRequest callback = new MockHttpServletRequest("POST", "/wecom/robot/callback");
        callback.setServletPath("/wecom/robot/callback");
        SecurityFilterChain chain = chains.stream().filter(c -> c.matches(callback)).findFirst().orElseThrow();
        assertThat(chain.getFilters()).extracting(filter -> filter.getClass().getSimpleName())
                .containsExactly("WebAsyncManagerIntegrationFilter", "AuthorizationFilter");
    }

    @Test
    void onlyANoticeAttachmentByItsLinkIsServedWithoutLogin() {
        // the link's path is let through (and a wrong token finds nothing), read only, nothing beside it
        assertThat(call(null, null, "GET", "/files/notice/1/not-a-token", null).status()).isEqualTo(404);
        assertThat(call(null, null, "POST", "/files/notice/1/not-a-token", null).status()).isEqualTo(403);
        assertThat(call(null, null, "DELETE", "/files/notice/1/not-a-token", null).status()).isEqualTo(403);
        assertThat(call(null, null, "GET", "/files/notice/1/not-a-token/more", null).status()).isEqualTo(403);
        assertThat(call(null, null, "GET", "/files/notice/1", null).status()).isEqualTo(403);
        Answer elsewhere = call(null, null, "GET", "/files/attachments/1/not-a-token", null);
        assertThat(elsewhere.status()).isEqualTo(302);
    }

    @Test
    void theApiAnswers401InJsonNeverARedirect() {
        Answer anonymous = call(null, null, "GET", "/api/v1/messages", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body().get("error").asText()).isEqualTo("unauthorized");
        assertThat(anonymous.body().get("message").asText()).contains("登录");

        Answer wrong = call("admin", "not-the-password", "GET", "/api/v1/messages", null);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body().get("error").asText()).isEqualTo("unauthorized");
        assertThat(audit.count("LOGIN_FAILED", "admin", null, null)).isPositive();
    }

    @Test
    void aViewerReadsButMayNotChangeOrExport() {
        users.create("admin", "viewer-" + tag, "只读", ConsoleRole.VIEWER, null, "viewer-pass-1");
        assertThat(call("viewer-" + tag, "viewer-pass-1", "GET", "/api/v1/messages", null).status()).isEqualTo(200);
        Answer put = call("viewer-" + tag, "viewer-pass-1", "PUT", "/api/v1/directory",
                new TestOrganisation(tag).document());
        assertThat(put.status()).isEqualTo(403);
        assertThat(put.body().get("error").asText()).isEqualTo("forbidden");
        assertThat(call("viewer-" + tag, "viewer-pass-1", "GET", "/api/v1/messages/export.xlsx", null).status())
                .isEqualTo(403);
        assertThat(call("viewer-" + tag, "viewer-pass-1", "POST", "/api/v1/sandbox/messages",
                Map.of("chatId", "x", "userId", "y", "text", "收到")).status()).isEqualTo(403);
    }

    @Test
    void aUnitCoordinatorSeesOnlyTheOwnUnitsRecords() {
        TestOrganisation org = new TestOrganisation(tag);
        assertThat(call("PUT", "/api/v1/directory", org.document()).status()).isEqualTo(200);
        call("POST", "/api/v1/sandbox/messages", Map.of("chatId", org.ordinaryChat(), "userId", org.member(),
                "text", "党建 今天开展专题学习，参加4人，学习实施细则"));
        call("POST", "/api/v1/sandbox/messages", Map.of("chatId", org.otherCityChat(), "userId",
                org.otherCityMember(), "text", "党建 今天开展主题党日，参加3人，重温入党誓词"));

        long unitA = directory.snapshot().unitNamed(org.unitA()).orElseThrow().id();
        users.create("admin", "coord-" + tag, "王协调", ConsoleRole.UNIT_COORDINATOR, unitA, "coord-pass-1");
        JsonNode seen = call("coord-" + tag, "coord-pass-1", "GET", "/api/v1/messages?type=PARTY_ACTIVITY&size=200",
                null).body();
        assertThat(seen.get("items")).allSatisfy(item ->
                assertThat(item.get("unit").asText()).isEqualTo(org.unitA()));
        assertThat(seen.get("items").findValuesAsText("chatId")).contains(org.ordinaryChat())
                .doesNotContain(org.otherCityChat());
        assertThat(call("admin", ADMIN_PASSWORD, "GET", "/api/v1/messages?chatId=" + org.otherCityChat(), null)
                .body().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void metricsCountFiledMessagesByTypeAndChannel() {
        TestOrganisation org = new TestOrganisation(tag);
        call("PUT", "/api/v1/directory", org.document());
        call("POST", "/api/v1/sandbox/messages", Map.of("chatId", org.ordinaryChat(), "userId", org.member(),
                "text", "日报 检查企业3家，发现问题1个，督办问题核查0个，明日计划：复查"));
        Answer metrics = call(null, null, "GET", "/actuator/prometheus", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).containsPattern(
                "liaison_messages_filed_total\\{[^}]*channel=\"SANDBOX\"[^}]*type=\"DAILY_REPORT\"[^}]*} [1-9]");
    }

    @Test
    void theApiIsDescribedInOpenApi() {
        Answer docs = call(null, null, "GET", "/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().get("paths").has("/api/v1/directory")).isTrue();
        assertThat(docs.body().get("paths").has("/api/v1/messages")).isTrue();
        assertThat(docs.body().get("paths").has("/api/v1/sandbox/messages")).isTrue();
        // a notice as the contract's JSON, or as multipart with an attachment
        JsonNode notice = docs.body().get("paths").get("/api/v1/notices").get("post").get("requestBody")
                .get("content");
        assertThat(notice.has("application/json")).as(notice.toString()).isTrue();
        assertThat(notice.get("multipart/form-data").get("schema").get("properties").has("attachment"))
                .as(notice.toString()).isTrue();
    }
}
