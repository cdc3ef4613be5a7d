package cn.mee.liaison.bot.directory;

import cn.mee.liaison.bot.audit.AuditTrail;
import cn.mee.liaison.bot.security.Viewer;
import cn.mee.liaison.storage.directory.CampaignRound;
import cn.mee.liaison.storage.directory.City;
import cn.mee.liaison.storage.directory.WorkGroup;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 组织架构 in the console: what is loaded (for a unit coordinator, its own unit's part), Excel import with its
 * template, Excel export, and the demo.
 */
@Controller
class DirectoryPage {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final DirectoryCache cache;
    private final DirectoryImport importer;
    private final DirectoryWorkbook workbook;
    private final DemoLoader demo;
    private final AuditTrail audit;

    DirectoryPage(DirectoryCache cache, DirectoryImport importer, DirectoryWorkbook workbook, DemoLoader demo,
                  AuditTrail audit) {
        this.cache = cache;
        this.importer = importer;
        this.workbook = workbook;
        this.demo = demo;
        this.audit = audit;
    }

    /** One line of the groups table. */
    record GroupLine(String round, String city, String name, String kind, String unit, int members, String leader,
                     String chats) {
    }

    @GetMapping("/directory")
    String page(Model model) {
        DirectorySnapshot s = cache.snapshot().within(Viewer.current().unitScope());
        List<GroupLine> groups = s.groups().stream()
                .sorted(Comparator.comparing((WorkGroup g) -> s.round(g.roundId()).map(CampaignRound::startDate)
                                .orElse(null), Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(g -> s.cityName(g.cityId()))
                        .thenComparing(WorkGroup::kind).thenComparing(WorkGroup::name))
                .map(g -> new GroupLine(s.roundName(g.roundId()), s.cityName(g.cityId()), g.name(), g.kind().label(),
                        s.unitName(g.unitId()), s.membersOf(g.id()).size(),
                        s.membersOf(g.id()).stream().filter(m -> m.role().name().equals("LEADER"))
                                .map(m -> m.name()).findFirst().orElse("—"),
                        String.join("、", s.chatsOf(g.id()).stream().map(c -> c.chatId()).toList())))
                .toList();
        model.addAttribute("snapshot", s);
        model.addAttribute("groups", groups);
        model.addAttribute("cities", s.cities().stream().sorted(Comparator.comparing(City::id)).map(c ->
                new String[] {c.name(), s.unitName(c.leadUnitId()),
                        String.join("、", s.coUnitsOf(c.id()).stream().map(s::unitName).toList())}).toList());
        return "directory";
    }

    @PostMapping("/directory/import")
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF')")
    String importWorkbook(@RequestParam("file") MultipartFile file, Principal principal, RedirectAttributes flash)
            throws IOException {
        if (file.isEmpty()) {
            flash.addFlashAttribute("error", "请选择要导入的 Excel 文件（.xlsx）");
            return "redirect:/directory";
        }
        try (InputStream in = file.getInputStream()) {
            DirectoryWorkbook.ReadResult read = workbook.read(in);
            ImportResult result = importer.apply(read.document(), read.locations(), principal.getName(),
                    "Excel：" + file.getOriginalFilename());
            flash.addFlashAttribute("ok", "导入完成：" + result.summary() + "。");
        } catch (DirectoryRejected rejected) {
            flash.addFlashAttribute("error", "文件未导入（全部未生效），请修改后重新上传：\n"
                    + String.join("\n", rejected.problems().stream().map(DirectoryProblem::toString).toList()));
        }
        return "redirect:/directory";
    }

    @PostMapping("/directory/demo")
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF')")
    String loadDemo(Principal principal, RedirectAttributes flash) {
        ImportResult result = demo.load(principal.getName());
        flash.addFlashAttribute("ok", "演示组织已载入：" + result.summary() + "。可以到“模拟群聊”以任一成员身份发言试用。");
        return "redirect:/directory";
    }

    @GetMapping("/directory/template.xlsx")
    ResponseEntity<byte[]> template() {
        return download(workbook.template(), "组织架构导入模板.xlsx");
    }

    @GetMapping("/directory/export.xlsx")
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF')")
    ResponseEntity<byte[]> export(Principal principal) {
        byte[] bytes = workbook.write(DirectoryDescription.of(cache.snapshot()));
        audit.record(principal.getName(), AuditTrail.EXPORT, "组织架构", "Excel");
        return download(bytes, "组织架构.xlsx");
    }

    static ResponseEntity<byte[]> download(byte[] bytes, String filename) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(XLSX).body(bytes);
    }
}
