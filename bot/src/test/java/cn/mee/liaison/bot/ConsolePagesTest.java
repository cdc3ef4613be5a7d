package cn.mee.liaison.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectoryDocument;
import cn.mee.liaison.bot.directory.DirectoryWorkbook;
import cn.mee.liaison.bot.security.ConsoleUsers;
import cn.mee.liaison.bot.support.RunningBot;
import cn.mee.liaison.bot.support.TestOrganisation;
import cn.mee.liaison.bot.files.FileStore;
import cn.mee.liaison.storage.attachment.Attachment;
import cn.mee.liaison.storage.attachment.AttachmentMapper;
import cn.mee.liaison.storage.audit.AuditLogMapper;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.message.ChatType;
import cn.mee.liaison.storage.message.ContentKind;
import cn.mee.liaison.storage.message.FiledMessage;
import cn.mee.liaison.storage.message.FiledMessageMapper;
import cn.mee.liaison.storage.message.RecordType;
import cn.mee.liaison.storage.user.ConsoleRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The console's pages and forms: Excel import and template, roles, exports. */
@AutoConfigureMockMvc
class ConsolePagesTest extends RunningBot {

    @Autowired
    MockMvc mvc;
    @Autowired
    DirectoryWorkbook workbook;
    @Autowired
    DirectoryCache directory;
    @Autowired
    AuditLogMapper audit;
    @Autowired
    FiledMessageMapper messages;
    @Autowired
    AttachmentMapper attachments;
    @Autowired
    FileStore files;

    private final TestOrganisation org = new TestOrganisation(UUID.randomUUID().toString().substring(0, 8));

    @Test
    void theConsoleAsksForALogin() throws Exception {
        mvc.perform(get("/records")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**/login"));
    }

    @Test
    void aConsoleLoginIsAudited(@Autowired ConsoleUsers users) throws Exception {
        String username = "login-" + org.tag();
        users.create("admin", username, "登录者", ConsoleRole.BUREAU_STAFF, null, "login-pass-1");
        mvc.perform(formLogin("/login").user(username).password("login-pass-1"))
                .andExpect(authenticated().withUsername(username));
        assertThat(audit.count("LOGIN", username, null, null)).isEqualTo(1);
        mvc.perform(formLogin("/login").user(username).password("wrong-pass-1")).andExpect(unauthenticated());
        assertThat(audit.count("LOGIN_FAILED", username, null, null)).isEqualTo(1);
    }

    @Test
    void theTemplateDownloadsAndReadsBackEmpty() throws Exception {
        MvcResult result = mvc.perform(get("/directory/template.xlsx").with(user("staff").roles("BUREAU_STAFF")))
                .andExpect(status().isOk()).andReturn();
        assertThat(result.getResponse().getHeader("Content-Disposition")).contains(".xlsx");
        DirectoryDocument empty = workbook.read(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))
                .document();
        assertThat(empty.workGroups()).isEmpty();
        assertThat(empty.units()).isEmpty();
    }

    @Test
    void theComposeFormSendsANoticeWithItsAttachmentAndKeepsNoFileOfARefusedOne(@Autowired JdbcTemplate jdbc)
            throws Exception {
        assertThat(call("PUT", "/api/v1/directory", org.document()).status()).isEqualTo(200);
        byte[] bytes = ("督办清单 " + org.tag()).getBytes(StandardCharsets.UTF_8);
        String name = "清单-" + org.tag() + ".txt";
        mvc.perform(multipart("/notices").file(new MockMultipartFile("attachment", name, "text/plain", bytes))
                        .param("title", "督办清单").param("content", "请查收附件").param("chatIds", org.ordinaryChat())
                        .with(csrf()).with(user("staff").roles("BUREAU_STAFF")))
                .andExpect(redirectedUrlPattern("/notices/*"));
        List<String> paths = jdbc.queryForList("SELECT content FROM outbox_message WHERE target_id = ? AND format = ?",
                String.class, org.ordinaryChat(), "FILE");
        assertThat(paths).hasSize(1);
        assertThat(paths.get(0)).startsWith("notices/").endsWith("/" + name);
        assertThat(files.read(paths.get(0))).isEqualTo(bytes);
        // the sandbox group shows the file by its name, as a member would see it, not where the bot keeps it
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> mvc.perform(
                        get("/api/v1/sandbox/chats/" + org.ordinaryChat() + "/messages")
                                .with(user("staff").roles("BUREAU_STAFF")))
                .andExpect(jsonPath("$[*].text", hasItem("［文件］" + name))));

        String refused = "退回-" + org.tag() + ".txt";
        mvc.perform(multipart("/notices").file(new MockMultipartFile("attachment", refused, "text/plain", bytes))
                        .param("title", "督办清单").param("content", "请查收附件").param("chatIds", "no-chat-" + org.tag())
                        .with(csrf()).with(user("staff").roles("BUREAU_STAFF")))
                .andExpect(redirectedUrl("/notices/new"))
                .andExpect(flash().attribute("error", containsString("no-chat-" + org.tag())));
        try (Stream<Path> stored = Files.walk(files.resolve("notices"))) {
            assertThat(stored.map(p -> p.getFileName().toString())).doesNotContain(refused);
        }
    }

    @Test
    void anExcelWorkbookIsImportedOnceAndAgainChangesNothing() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "组织架构.xlsx", null, workbook.write(org.document()));
        mvc.perform(multipart("/directory/import").file(file).with(csrf()).with(user("staff").roles("BUREAU_STAFF")))
                .andExpect(redirectedUrl("/directory"))
                .andExpect(flash().attribute("ok", containsString("新增")));
        assertThat(directory.snapshot().groupNamed(org.round(), "保定市第一组")).isPresent();
        assertThat(directory.snapshot().membersOf(directory.snapshot().groupNamed(org.round(), "保定市第一组")
                .orElseThrow().id())).hasSize(2);

        mvc.perform(multipart("/directory/import").file(file).with(csrf()).with(user("staff").roles("BUREAU_STAFF")))
                .andExpect(flash().attribute("ok", "导入完成：没有变化。"));
        assertThat(audit.count("DIRECTORY_IMPORT", "staff", null, null)).isEqualTo(1);
    }

    @Test
    void aBadWorkbookIsRejectedNamingSheetAndRowAndNothingStays() throws Exception {
        DirectoryDocument good = org.document();
        DirectoryDocument.WorkGroup badGroup = new DirectoryDocument.WorkGroup("新建组", "不存在市", org.unitA(),
                "ORDINARY", org.round(), List.of(), List.of());
        DirectoryDocument bad = new DirectoryDocument(good.units(), good.cities(), good.rounds(),
                List.of(good.workGroups().get(0), badGroup), good.bureauChats(), good.bureauStaff());
        MockMultipartFile file = new MockMultipartFile("file", "bad.xlsx", null, workbook.write(bad));
        mvc.perform(multipart("/directory/import").file(file).with(csrf()).with(user("staff").roles("BUREAU_STAFF")))
                .andExpect(redirectedUrl("/directory"))
                .andExpect(flash().attribute("error", allOf(
                        containsString("「工作组」表第3行"),
                        containsString("不存在市"))));
        assertThat(directory.snapshot().unitNamed(org.unitA())).isEmpty();
    }

    @Test
    void theNoticePreviewCountsTheRoundsRunningAtTheSetTimeAndTheScriptsWriteTextOnly() throws Exception {
        LocalDate start = LocalDate.now().plusDays(60);
        assertThat(call("PUT", "/api/v1/directory", org.document(start.toString(), start.plusDays(30).toString()))
                .status()).isEqualTo(200);
        String cityA = "{\"cities\": [\"" + org.cityA() + "\"]}";
        mvc.perform(post("/notices/preview").with(csrf()).with(user("staff").roles("BUREAU_STAFF"))
                        .contentType("application/json").content(cityA))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        mvc.perform(post("/notices/preview").param("sendAt", start.plusDays(3) + "T09:00").with(csrf())
                        .with(user("staff").roles("BUREAU_STAFF")).contentType("application/json").content(cityA))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.ackUnavailable").value(0))
                .andExpect(jsonPath("$.chats.length()").value(2));
        mvc.perform(post("/notices/preview").param("sendAt", "明天").with(csrf())
                        .with(user("staff").roles("BUREAU_STAFF")).contentType("application/json").content(cityA))
                .andExpect(status().isBadRequest());
        // names from the directory and typed chat ids go in as text, never as HTML; every chat is listed
        String compose = mvc.perform(get("/js/notice-compose.js")).andReturn().getResponse().getContentAsString();
        assertThat(compose).doesNotContain("innerHTML").doesNotContain("slice(0, 200)").contains("textContent");
        String progress = mvc.perform(get("/js/notice-progress.js")).andReturn().getResponse().getContentAsString();
        assertThat(progress).contains("bar-acked").contains("awaitingAck");
    }

    @Test
    void theRecordsPageCarriesItsFilterIntoTheExportLink() throws Exception {
        String page = mvc.perform(get("/records").param("type", "PROBLEM").param("q", "铸造 厂")
                        .with(user("staff").roles("BUREAU_STAFF")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/records/export.xlsx?type=PROBLEM&amp;q=%E9%93%B8%E9%80%A0%20%E5%8E%82");
        String audit = mvc.perform(get("/admin/audit").param("action", "EXPORT")
                        .with(user("boss").roles("BUREAU_ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(audit).contains("审计日志");
    }

    @Test
    void aRecordShowsItsAttachments() throws Exception {
        long messageId = messages.insert(new FiledMessage(null, Channel.WECOM_ROBOT, "chat-" + org.tag(),
                ChatType.GROUP, "pic-" + org.tag(), "u1", "张三", null, null, null, null, RecordType.PROBLEM,
                ContentKind.MIXED, "问题 某厂露天堆放", Map.of(), "{}", Instant.now(), true));
        byte[] photo = "a photo of the site".getBytes(StandardCharsets.UTF_8);
        FileStore.StoredFile stored = files.store("attachments", LocalDate.now(), "现场.jpg", photo);
        long attachmentId = attachments.insert(Attachment.pending(messageId, "IMAGE", "https://x/pic", null, null,
                Instant.now()));
        attachments.claim(List.of(attachmentId), "test", Instant.now().plusSeconds(60));
        attachments.markStored(attachmentId, "test", "现场.jpg", "image/jpeg", photo.length, stored.sha256(),
                stored.path(), Instant.now());

        String page = mvc.perform(get("/records/" + messageId).with(user("staff").roles("BUREAU_STAFF")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("现场.jpg").contains("/records/" + messageId + "/attachments/" + attachmentId)
                .contains("<img");
        byte[] served = mvc.perform(get("/records/" + messageId + "/attachments/" + attachmentId)
                        .with(user("staff").roles("BUREAU_STAFF")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(served).isEqualTo(photo);
        mvc.perform(get("/records/" + messageId + "/attachments/999999").with(user("staff").roles("BUREAU_STAFF")))
                .andExpect(status().isNotFound());
    }

    @Test
    void pagesRenderForTheirRolesOnly() throws Exception {
        mvc.perform(get("/").with(user("viewer").roles("VIEWER"))).andExpect(status().isOk());
        mvc.perform(get("/records").with(user("viewer").roles("VIEWER"))).andExpect(status().isOk());
        mvc.perform(get("/directory").with(user("viewer").roles("VIEWER"))).andExpect(status().isOk());
        mvc.perform(get("/sandbox").with(user("viewer").roles("VIEWER"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/users").with(user("staff").roles("BUREAU_STAFF"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/audit").with(user("boss").roles("BUREAU_ADMIN"))).andExpect(status().isOk());
        mvc.perform(post("/directory/demo").with(csrf()).with(user("viewer").roles("VIEWER")))
                .andExpect(status().isForbidden());
    }
}
