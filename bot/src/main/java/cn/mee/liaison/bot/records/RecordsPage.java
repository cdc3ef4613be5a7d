package cn.mee.liaison.bot.records;

import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.bot.security.Viewer;
import cn.mee.liaison.bot.web.BadRequest;
import cn.mee.liaison.bot.web.NotFound;
import cn.mee.liaison.bot.cases.SharedCases;
import cn.mee.liaison.bot.files.FileStore;
import cn.mee.liaison.storage.attachment.Attachment;
import cn.mee.liaison.storage.attachment.AttachmentMapper;
import cn.mee.liaison.storage.attachment.AttachmentStatus;
import cn.mee.liaison.storage.directory.WorkGroup;
import cn.mee.liaison.storage.message.RecordType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** 消息记录 in the console: filter, search, page, open one record, export the filtered set. */
@Controller
class RecordsPage {

    private static final int PAGE_SIZE = 50;

    private final RecordSearch search;
    private final RecordExport export;
    private final DirectoryCache directory;
    private final AttachmentMapper attachments;
    private final FileStore files;
    private final SharedCases cases;
    private final Clock clock;

    RecordsPage(RecordSearch search, RecordExport export, DirectoryCache directory, AttachmentMapper attachments,
                FileStore files, SharedCases cases, Clock clock) {
        this.search = search;
        this.export = export;
        this.directory = directory;
        this.attachments = attachments;
        this.files = files;
        this.cases = cases;
        this.clock = clock;
    }

    @GetMapping("/records")
    String list(@ModelAttribute("filter") RecordFilter typed, @RequestParam(defaultValue = "0") int page,
                Model model) {
        Viewer viewer = Viewer.current();
        RecordFilter filter = bySenderName(typed, viewer, model);
        try {
            RecordPage result = search.search(filter, viewer, Math.max(page, 0), PAGE_SIZE);
            model.addAttribute("result", result);
            model.addAttribute("pages", (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
            if (!result.totalExact()) {
                model.addAttribute("morePages", true);
            }
        } catch (BadRequest e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("result", RecordPage.empty());
            model.addAttribute("pages", 0);
        }
        model.addAttribute("page", page);
        model.addAttribute("query", queryString(filter));
        choices(model, viewer);
        return "records";
    }

    @GetMapping("/records/{id}")
    String one(@PathVariable long id, Model model) {
        RecordView record = search.find(id, Viewer.current())
                .orElseThrow(() -> new NotFound("没有编号为 " + id + " 的记录"));
        model.addAttribute("record", record);
        model.addAttribute("fields", FieldsText.labelled(RecordType.valueOf(record.type()), record.fields()));
        model.addAttribute("attachments", attachments.findByMessage(id));
        model.addAttribute("shared", cases.isMarked(id));
        return "record";
    }

    @PostMapping("/records/{id}/share")
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF')")
    String share(@PathVariable long id, Principal principal, RedirectAttributes flash) {
        try {
            cases.mark(id, principal.getName());
            flash.addFlashAttribute("ok", "已标记为共享的典型案例，将在下次定期推送时发给所有工作组。");
        } catch (BadRequest e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/records/" + id;
    }

    /** An attachment of a record the viewer may see: pictures shown inline, other files downloaded. */
    @GetMapping("/records/{id}/attachments/{attachmentId}")
    ResponseEntity<Resource> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        search.findFiled(id, Viewer.current()).orElseThrow(() -> new NotFound("没有编号为 " + id + " 的记录"));
        Attachment attachment = attachments.findById(attachmentId)
                .filter(a -> a.messageId() == id && a.status() == AttachmentStatus.STORED)
                .orElseThrow(() -> new NotFound("附件不存在或尚未下载"));
        boolean image = "IMAGE".equals(attachment.kind());
        MediaType type = image ? MediaType.IMAGE_JPEG : MediaType.APPLICATION_OCTET_STREAM;
        if (attachment.contentType() != null && attachment.contentType().startsWith("image/")) {
            type = MediaType.parseMediaType(attachment.contentType());
        }
        ContentDisposition disposition = (image ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(attachment.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(files.resolve(attachment.storedPath())));
    }

    @GetMapping("/records/export.xlsx")
    void exportXlsx(@ModelAttribute RecordFilter typed, HttpServletResponse response) throws IOException {
        Viewer viewer = Viewer.current();
        RecordFilter filter = bySenderName(typed, viewer, null);
        export.check(filter, viewer);
        RecordExportResponse.start(response, "消息记录-" + LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE));
        export.export(filter, viewer, response.getOutputStream());
    }

    /**
     * The sender box takes an account id or a name: a name of one person the viewer may see (exactly, or else a part
     * of it) stands for that person's account; a name of several is reported for the viewer to pick an account.
     */
    private RecordFilter bySenderName(RecordFilter typed, Viewer viewer, Model model) {
        String sender = typed.senderId() == null ? "" : typed.senderId().strip();
        DirectorySnapshot s = directory.snapshot().within(viewer.unitScope());
        if (sender.isEmpty() || s.nameOf(sender).isPresent()) {
            return typed;
        }
        List<String> named = s.userIdsNamed(sender);
        if (named.size() == 1) {
            note(model, "sender", "发送人“" + sender + "”：" + s.nameOf(named.get(0)).orElse(sender) + "（账号 "
                    + named.get(0) + "）");
            return typed.withSenderId(named.get(0));
        }
        if (named.size() > 1) {
            note(model, "senderChoices", "发送人“" + sender + "”对应多人，请填写其中一人的账号："
                    + String.join("、", named.stream().map(id -> s.nameOf(id).orElse(id) + "（" + id + "）")
                            .toList()));
        }
        return typed;
    }

    private static void note(Model model, String name, String text) {
        if (model != null) {
            model.addAttribute(name, text);
        }
    }

    /** The filter as a query string, for the export link and the pager. */
    private static String queryString(RecordFilter f) {
        UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
        add(uri, "groupId", f.groupId());
        add(uri, "unitId", f.unitId());
        add(uri, "cityId", f.cityId());
        add(uri, "roundId", f.roundId());
        add(uri, "type", f.type());
        add(uri, "senderId", f.senderId());
        add(uri, "chatId", f.chatId());
        add(uri, "from", f.from());
        add(uri, "to", f.to());
        add(uri, "q", f.q());
        String query = uri.encode().build().getQuery();
        return query == null ? "" : query;
    }

    private static void add(UriComponentsBuilder uri, String name, Object value) {
        if (value != null && !String.valueOf(value).isBlank()) {
            uri.queryParam(name, value);
        }
    }

    private void choices(Model model, Viewer viewer) {
        DirectorySnapshot s = directory.snapshot();
        model.addAttribute("types", RecordType.values());
        model.addAttribute("groups", s.groups().stream().filter(g -> viewer.seesUnit(g.unitId()))
                .sorted(Comparator.comparing(WorkGroup::name)).toList());
        model.addAttribute("units", s.units().stream().filter(u -> viewer.seesUnit(u.id())).toList());
        model.addAttribute("cities", s.cities());
        model.addAttribute("rounds", s.rounds());
        model.addAttribute("mayExport", viewer.mayExport());
    }

    /** Response headers of an Excel download, set before the body streams. */
    static final class RecordExportResponse {
        private RecordExportResponse() {
        }

        static void start(HttpServletResponse response, String name) {
            response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename(name + ".xlsx", StandardCharsets.UTF_8).build().toString());
        }
    }
}
