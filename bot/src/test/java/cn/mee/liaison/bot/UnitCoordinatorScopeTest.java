package cn.mee.liaison.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectoryDocument;
import cn.mee.liaison.bot.security.ConsoleUsers;
import cn.mee.liaison.bot.support.RunningBot;
import cn.mee.liaison.bot.support.TestOrganisation;
import cn.mee.liaison.storage.audit.AuditLogMapper;
import cn.mee.liaison.storage.message.RecordType;
import cn.mee.liaison.storage.message.TypeCount;
import cn.mee.liaison.storage.user.ConsoleRole;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A real unit coordinator (a console user of unit A, logged in as the console loads it) sees only unit A's groups,
 * records, exports, directory and sandbox chats, in the console and through the API; a viewer reads everything but
 * webhook keys.
 */
@AutoConfigureMockMvc
class UnitCoordinatorScopeTest extends RunningBot {

    private static final String PASSWORD = "coord-pass-1";
    private static final String WEBHOOK_KEY = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";

    @Autowired
    MockMvc mvc;
    @Autowired
    ConsoleUsers users;
    @Autowired
    DirectoryCache directory;
    @Autowired
    UserDetailsService logins;
    @Autowired
    AuditLogMapper audit;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final TestOrganisation org = new TestOrganisation(tag);
    private String coordinator;
    private long ownRecord;
    private long otherRecord;

    @BeforeEach
    void unitAHasACoordinatorAndBothUnitsARecord() {
        assertThat(call("PUT", "/api/v1/directory", withWebhookChat(org.document())).status()).isEqualTo(200);
        ownRecord = say(org.ordinaryChat(), org.member(), "党建 今天开展专题学习，参加4人，学习实施细则 " + tag);
        otherRecord = say(org.otherCityChat(), org.otherCityMember(),
                "问题：某某铸造厂 工业炉窑无组织排放，车间无收集设施 " + tag);
        say(org.ordinaryChat(), org.leader(), "急报：组员李四在去企业途中发生交通事故，轻伤，已送医院");
        long unitA = directory.snapshot().unitNamed(org.unitA()).orElseThrow().id();
        coordinator = "coord-" + tag;
        users.create("admin", coordinator, "王协调", ConsoleRole.UNIT_COORDINATOR, unitA, PASSWORD);
    }

    @Test
    void theConsoleRecordsAreTheOwnUnitsOnly() throws Exception {
        String page = mvc.perform(get("/records").param("q", tag).with(user(coordinatorLogin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("专题学习").doesNotContain("铸造厂");
        mvc.perform(get("/records/" + ownRecord).with(user(coordinatorLogin()))).andExpect(status().isOk());
        mvc.perform(get("/records/" + otherRecord).with(user(coordinatorLogin()))).andExpect(status().isNotFound());
    }

    @Test
    void theApiGivesAnotherUnitsRecordAs404() {
        assertThat(call(coordinator, PASSWORD, "GET", "/api/v1/messages/" + ownRecord, null).status())
                .isEqualTo(200);
        Answer other = call(coordinator, PASSWORD, "GET", "/api/v1/messages/" + otherRecord, null);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body().get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void exportsHoldTheOwnUnitsRowsOnlyAndAreAudited() throws Exception {
        byte[] console = mvc.perform(get("/records/export.xlsx").param("q", tag).with(user(coordinatorLogin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(unitsOf(console)).containsExactly(org.unitA());
        Answer api = call(coordinator, PASSWORD, "GET", "/api/v1/messages/export.xlsx", null);
        assertThat(api.status()).isEqualTo(200);
        assertThat(unitsOf(api.bytes())).hasSize(2).containsOnly(org.unitA());
        assertThat(audit.count("EXPORT", coordinator, null, null)).isEqualTo(2);
    }

    @Test
    void theDirectoryIsTheOwnUnitsGroupsWithoutWebhookKeys() throws Exception {
        JsonNode seen = call(coordinator, PASSWORD, "GET", "/api/v1/directory", null).body();
        assertThat(seen.get("workGroups").findValuesAsText("unit")).isNotEmpty().containsOnly(org.unitA());
        assertThat(seen.get("cities").findValuesAsText("name")).containsExactly(org.cityA());
        assertThat(seen.get("units")).extracting(unit -> unit.get("name").asText())
                .containsExactlyInAnyOrder(org.unitA(), org.unitB());
        assertThat(seen.get("bureauChats")).isEmpty();
        assertThat(seen.toString()).doesNotContain(WEBHOOK_KEY).contains("****5aaa");

        users.create("admin", "viewer-" + tag, "只读", ConsoleRole.VIEWER, null, "viewer-pass-1");
        String viewed = call("viewer-" + tag, "viewer-pass-1", "GET", "/api/v1/directory", null).text();
        assertThat(viewed).contains(org.cityB()).doesNotContain(WEBHOOK_KEY).contains("****5aaa");
        assertThat(call("GET", "/api/v1/directory", null).text()).contains(WEBHOOK_KEY);

        String page = mvc.perform(get("/directory").with(user(coordinatorLogin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(org.cityA()).doesNotContain(org.cityB()).doesNotContain(org.bureauChat());
    }

    @Test
    void sandboxTranscriptsAreTheOwnUnitsChatsAndPeople() {
        Answer own = call(coordinator, PASSWORD, "GET", "/api/v1/sandbox/chats/" + org.ordinaryChat() + "/messages",
                null);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).isNotEmpty();
        assertThat(call(coordinator, PASSWORD, "GET", "/api/v1/sandbox/chats/" + org.otherCityChat() + "/messages",
                null).status()).isEqualTo(404);
        assertThat(call(coordinator, PASSWORD, "GET", "/api/v1/sandbox/chats/" + org.bureauChat() + "/messages",
                null).status()).isEqualTo(404);
        Answer relayed = call(coordinator, PASSWORD, "GET", "/api/v1/sandbox/users/" + org.coordinatorA()
                + "/messages", null);
        assertThat(relayed.status()).isEqualTo(200);
        assertThat(relayed.body().findValuesAsText("text")).anySatisfy(t -> assertThat(t).contains("交通事故"));
        assertThat(call(coordinator, PASSWORD, "GET", "/api/v1/sandbox/users/" + org.otherCityMember()
                + "/messages", null).status()).isEqualTo(404);

        users.create("admin", "reader-" + tag, "只读", ConsoleRole.VIEWER, null, "viewer-pass-1");
        assertThat(call("reader-" + tag, "viewer-pass-1", "GET", "/api/v1/sandbox/chats/" + org.otherCityChat()
                + "/messages", null).status()).isEqualTo(200);
    }

    @Test
    void theHomePageCountsTheOwnUnitsMessagesOfToday() throws Exception {
        Map<String, Object> model = mvc.perform(get("/").with(user(coordinatorLogin())))
                .andExpect(status().isOk()).andReturn().getModelAndView().getModel();
        @SuppressWarnings("unchecked")
        List<TypeCount> today = (List<TypeCount>) model.get("todayByType");
        assertThat(today).extracting(TypeCount::recordType)
                .containsExactlyInAnyOrder(RecordType.PARTY_ACTIVITY, RecordType.EMERGENCY);
        assertThat(today).extracting(TypeCount::total).containsOnly(1L);
    }

    @Test
    void theRecordsPagesSenderBoxTakesANameOfSomebodyTheViewerSees() throws Exception {
        TestOrganisation another = new TestOrganisation(UUID.randomUUID().toString().substring(0, 8));
        assertThat(call("PUT", "/api/v1/directory", another.document()).status()).isEqualTo(200);

        String own = mvc.perform(get("/records").param("senderId", "李四").with(user(coordinatorLogin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(own).contains("专题学习").contains("账号 " + org.member())
                .contains("/records/export.xlsx?senderId=" + org.member());
        String bureau = mvc.perform(get("/records").param("senderId", "李四")
                        .with(user("staff").roles("BUREAU_STAFF")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(bureau).contains("对应多人").contains(org.member()).contains(another.member());
        assertThat(call("GET", "/api/v1/messages?senderId=" + URLEncoder.encode("李四", StandardCharsets.UTF_8),
                null).body().get("total").asInt()).as("the API's senderId is an account id").isZero();
    }

    private UserDetails coordinatorLogin() {
        return logins.loadUserByUsername(coordinator);
    }

    private long say(String chatId, String userId, String text) {
        Answer said = call("POST", "/api/v1/sandbox/messages", Map.of("chatId", chatId, "userId", userId,
                "text", text));
        assertThat(said.status()).isEqualTo(200);
        return said.body().get("messageId").asLong();
    }

    /** The organisation, 保定市第一组 also reached through a webhook with its key. */
    private DirectoryDocument withWebhookChat(DirectoryDocument document) {
        List<DirectoryDocument.WorkGroup> groups = document.workGroups().stream().map(g -> {
            if (!g.name().equals("保定市第一组")) {
                return g;
            }
            List<DirectoryDocument.Chat> chats = new ArrayList<>(g.chats());
            chats.add(new DirectoryDocument.Chat("WECOM_WEBHOOK", "wh-" + tag, WEBHOOK_KEY, null));
            return new DirectoryDocument.WorkGroup(g.name(), g.city(), g.unit(), g.kind(), g.round(), g.members(),
                    chats);
        }).toList();
        return new DirectoryDocument(document.units(), document.cities(), document.rounds(), groups,
                document.bureauChats(), document.bureauStaff());
    }

    /** The 包保单位 column of an exported workbook's rows. */
    private static List<String> unitsOf(byte[] xlsx) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> units = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    units.add(row.getCell(4).getStringCellValue());
                }
            }
            return units;
        }
    }
}
