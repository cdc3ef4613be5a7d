package cn.mee.liaison.bot;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mee.liaison.bot.support.RunningBot;
import cn.mee.liaison.bot.support.TestOrganisation;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The foundation as a user tries it, over real HTTP: import the organisation, chat in the sandbox as its members,
 * and find every message filed with its parsed fields; commands, relays and refusals answered in Chinese.
 */
class EndToEndTest extends RunningBot {

    private TestOrganisation org;

    @BeforeEach
    void importOrganisation() {
        org = new TestOrganisation(UUID.randomUUID().toString().substring(0, 8));
        Answer imported = call("PUT", "/api/v1/directory", org.document());
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        assertThat(imported.body().get("created").asInt()).isGreaterThan(10);
    }

    @Test
    void reImportingTheSameDocumentChangesNothing() {
        Answer again = call("PUT", "/api/v1/directory", org.document());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("created").asInt()).isZero();
        assertThat(again.body().get("updated").asInt()).isZero();
        assertThat(again.body().get("removed").asInt()).isZero();

        JsonNode directory = call("GET", "/api/v1/directory", null).body();
        assertThat(names(directory.get("workGroups"), "round", org.round())).containsExactlyInAnyOrder(
                "保定市中心组", "保定市第一组", "廊坊市第一组");
    }

    @Test
    void aBadDocumentIsRejectedAsAWholeNamingTheEntry() {
        Map<String, Object> bad = Map.of(
                "units", List.of(Map.of("name", "新单位-" + org.tag())),
                "workGroups", List.of(Map.of("name", "新组", "city", "不存在市", "unit", org.unitA(),
                        "kind", "CENTRAL", "round", org.round())));
        Answer answer = call("PUT", "/api/v1/directory", bad);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("error").asText()).isEqualTo("invalid_directory");
        assertThat(answer.body().get("message").asText()).contains("workGroups[0].city").contains("不存在市");

        JsonNode directory = call("GET", "/api/v1/directory", null).body();
        assertThat(names(directory.get("units"), null, null)).doesNotContain("新单位-" + org.tag());
    }

    @Test
    void aDailyReportIsFiledParsedAndConfirmed() {
        JsonNode said = say(org.ordinaryChat(), org.member(), "李四",
                "@联络机器人 日报：今天检查企业十二家，发现问题3个，督办问题核查2个，交办问题0个，明日计划：继续排查清苑区");
        assertThat(said.get("type").asText()).isEqualTo("DAILY_REPORT");

        List<String> replies = botSaid(org.ordinaryChat());
        assertThat(replies).last().asString().contains("已登记【每日调度】").contains("保定市第一组")
                .contains("检查企业数：12");

        JsonNode records = call("GET", "/api/v1/messages?chatId=" + org.ordinaryChat() + "&type=DAILY_REPORT",
                null).body();
        assertThat(records.get("total").asInt()).isEqualTo(1);
        JsonNode record = records.get("items").get(0);
        assertThat(record.get("id").asLong()).isEqualTo(said.get("messageId").asLong());
        assertThat(record.get("channel").asText()).isEqualTo("SANDBOX");
        assertThat(record.get("senderId").asText()).isEqualTo(org.member());
        assertThat(record.get("fields").get("enterprisesChecked").asInt()).isEqualTo(12);
        assertThat(record.get("fields").get("problemsFound").asInt()).isEqualTo(3);
        assertThat(record.get("workGroup").asText()).isEqualTo("保定市第一组");
        assertThat(record.get("unit").asText()).isEqualTo(org.unitA());
        assertThat(record.get("city").asText()).isEqualTo(org.cityA());
        assertThat(record.get("round").asText()).isEqualTo(org.round());
        assertThat(record.get("receivedAt").asText()).endsWith("+08:00");

        JsonNode one = call("GET", "/api/v1/messages/" + record.get("id").asLong(), null).body();
        assertThat(one.get("rawPayload").asText()).contains("今天检查企业十二家").contains(org.member());
    }

    @Test
    void theSameExternalIdFilesNothingNew() {
        Map<String, Object> message = Map.of("chatId", org.ordinaryChat(), "userId", org.member(), "userName", "李四",
                "text", "党建 11月28日开展主题党日，参加5人，学习习近平生态文明思想", "externalId", "msg-" + org.tag());
        JsonNode first = call("POST", "/api/v1/sandbox/messages", message).body();
        JsonNode second = call("POST", "/api/v1/sandbox/messages", message).body();
        assertThat(second.get("messageId").asLong()).isEqualTo(first.get("messageId").asLong());
        assertThat(second.get("duplicate").asBoolean()).isTrue();
        assertThat(call("GET", "/api/v1/messages?chatId=" + org.ordinaryChat(), null).body().get("total").asInt())
                .isEqualTo(1);
        assertThat(botSaid(org.ordinaryChat())).hasSize(1);
    }

    @Test
    void aMalformedCommandGetsWhatIsWrongAndAnExample() {
        say(org.ordinaryChat(), org.leader(), "张三", "日报");
        assertThat(botSaid(org.ordinaryChat())).last().asString().contains("内容为空").contains("例如")
                .contains("日报 检查企业");

        say(org.ordinaryChat(), org.leader(), "张三", "日报 检查企业5家");
        assertThat(botSaid(org.ordinaryChat())).last().asString().contains("还缺少").contains("发现问题数")
                .contains("明日计划");
    }

    @Test
    void helpListsWhatThisSenderMayUseWithExamples() {
        say(org.ordinaryChat(), org.member(), "李四", "帮助");
        assertThat(botSaid(org.ordinaryChat())).last().asString().contains("日报：").contains("急报：")
                .contains("例：").contains("查询：");
    }

    @Test
    void aMembersHelpLeavesOutTheLeadersAndTheBureausCommandsWhichTheBureausHelpLists() {
        say(org.ordinaryChat(), org.member(), "李四", "帮助");
        assertThat(botSaid(org.ordinaryChat())).last().asString().contains("日报：")
                .doesNotContain("推送：").doesNotContain("未报：").doesNotContain("汇总：").doesNotContain("新增截止：");
        say(org.ordinaryChat(), org.leader(), "张三", "帮助");
        assertThat(botSaid(org.ordinaryChat())).last().asString().contains("未报：").contains("汇总：")
                .doesNotContain("推送：").doesNotContain("新增截止：");
        say(org.bureauChat(), org.staff(), "周执法", "帮助");
        assertThat(botSaid(org.bureauChat())).last().asString().contains("推送：").contains("未报：")
                .contains("汇总：").contains("新增截止：");
    }

    @Test
    void theBureauGetsItsOwnHelpAndGroupReportsAreRefusedInItsChat() {
        say(org.bureauChat(), org.staff(), "周执法", "@联络机器人 帮助");
        assertThat(botSaid(org.bureauChat())).last().asString().contains("查询各工作组的记录")
                .doesNotContain("日报：");
        say(org.bureauChat(), org.staff(), "周执法", "日报 检查企业3家");
        assertThat(botSaid(org.bureauChat())).last().asString().contains("本群是执法局的群")
                .contains("每日调度");
    }

    @Test
    void anEmergencyIsRelayedAtOnceToTheBureauAndTheCoordinator() {
        say(org.ordinaryChat(), org.leader(), "张三", "急报：组员李四在去企业途中发生交通事故，轻伤，已送医院");
        assertThat(botSaid(org.ordinaryChat())).last().asString().contains("已立即转报执法局")
                .contains("王协调");
        assertThat(botSaid(org.bureauChat())).singleElement().asString().contains("突发情况急报")
                .contains("保定市第一组").contains("交通事故");
        Answer coordinator = call("GET", "/api/v1/sandbox/users/" + org.coordinatorA() + "/messages", null);
        assertThat(coordinator.body()).singleElement().satisfies(line ->
                assertThat(line.get("text").asText()).contains("突发情况急报").contains("张三"));
        Answer filed = call("GET", "/api/v1/messages?chatId=" + org.ordinaryChat() + "&type=EMERGENCY", null);
        assertThat(filed.body().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void aBareEmergencyIsRelayedAllTheSameAndItsDetailsAskedFor() {
        say(org.ordinaryChat(), org.leader(), "张三", "急报");
        assertThat(botSaid(org.ordinaryChat())).last().asString().contains("急报未写明情况")
                .contains("已立即转报执法局和派出单位协调联络员王协调").contains("例如");
        assertThat(botSaid(org.bureauChat())).singleElement().asString().contains("保定市第一组")
                .contains("情况：（未写明，已请报告人补充）");
    }

    @Test
    void aPublicComplaintIsPointedTo12369AndFiled() {
        say(org.ordinaryChat(), org.member(), "李四", "有群众举报村东头的砖厂晚上偷偷冒黑烟，气味很大");
        assertThat(botSaid(org.ordinaryChat())).last().asString().contains("12369").contains("第八条");
        assertThat(call("GET", "/api/v1/messages?chatId=" + org.ordinaryChat() + "&type=PUBLIC_COMPLAINT", null)
                .body().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void queryFindsThisGroupsRecordsAndRefusesOtherGroupsToMembers() {
        say(org.ordinaryChat(), org.member(), "李四", "问题 清苑区某某建材有限公司，物料露天堆放未苫盖，扬尘污染");
        say(org.ordinaryChat(), org.member(), "李四", "查询 问题");
        assertThat(botSaid(org.ordinaryChat())).last().asString().contains("找到 1 条").contains("发现问题")
                .contains("建材有限公司");

        say(org.otherCityChat(), org.otherCityMember(), "赵六", "查询 保定市第一组 问题");
        assertThat(botSaid(org.otherCityChat())).last().asString().contains("无权查询其他工作组");

        say(org.bureauChat(), org.staff(), "周执法", "查询 保定市第一组 问题");
        assertThat(botSaid(org.bureauChat())).last().asString().contains("找到 1 条");
    }

    @Test
    void recordsAreSearchableByTextAndExportable() throws Exception {
        say(org.ordinaryChat(), org.member(), "李四", "问题：某某铸造厂 工业炉窑无组织排放，车间无收集设施");
        say(org.otherCityChat(), org.otherCityMember(), "赵六", "收到");

        JsonNode found = call("GET", "/api/v1/messages?q=铸造厂&chatId=" + org.ordinaryChat(), null).body();
        assertThat(found.get("total").asInt()).isEqualTo(1);
        assertThat(found.get("items").get(0).get("type").asText()).isEqualTo("PROBLEM");

        Answer export = call("GET", "/api/v1/messages/export.xlsx?chatId=" + org.ordinaryChat(), null);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).contains("spreadsheetml");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export.bytes()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("记录类型");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("发现问题");
            assertThat(sheet.getRow(1).getCell(11).getStringCellValue()).contains("铸造厂");
        }
    }

    @Test
    void badQueriesAreAnsweredInChineseNamingTheParameter() {
        Answer badType = call("GET", "/api/v1/messages?type=NOPE", null);
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.body().get("message").asText()).contains("type").contains("NOPE");
        Answer badDate = call("GET", "/api/v1/messages?from=yesterday", null);
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body().get("message").asText()).contains("from");
        Answer missing = call("GET", "/api/v1/messages/99999999", null);
        assertThat(missing.status()).isEqualTo(404);
        Answer emptyText = call("POST", "/api/v1/sandbox/messages",
                Map.of("chatId", org.ordinaryChat(), "userId", org.member(), "text", " "));
        assertThat(emptyText.status()).isEqualTo(400);
        assertThat(emptyText.body().get("message").asText()).contains("text");
        Answer notJson = call("POST", "/api/v1/sandbox/messages", "{not json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.body().get("error").asText()).isEqualTo("malformed_json");
    }

    private JsonNode say(String chatId, String userId, String userName, String text) {
        Answer answer = call("POST", "/api/v1/sandbox/messages",
                Map.of("chatId", chatId, "userId", userId, "userName", userName, "text", text));
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.body();
    }

    private List<String> botSaid(String chatId) {
        Answer answer = call("GET", "/api/v1/sandbox/chats/" + chatId + "/messages", null);
        assertThat(answer.status()).isEqualTo(200);
        List<String> texts = new ArrayList<>();
        answer.body().forEach(line -> {
            assertThat(line.get("sentAt").asText()).isNotBlank();
            texts.add(line.get("text").asText());
        });
        return texts;
    }

    private static List<String> names(JsonNode array, String filterField, String filterValue) {
        List<String> names = new ArrayList<>();
        array.forEach(node -> {
            if (filterField == null || filterValue.equals(node.path(filterField).asText())) {
                names.add(node.get("name").asText());
            }
        });
        return names;
    }
}
