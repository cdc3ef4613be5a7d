package cn.mee.liaison.bot.notice;

import cn.mee.liaison.bot.web.BadRequest;
import cn.mee.liaison.storage.notice.NoticeKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/notices")
@Tag(name = "统一推送", description = "一条通知推送到多个群，逐群跟踪送达和回执")
class NoticesApi {

    private final Notices notices;
    private final ObjectMapper json;

    NoticesApi(Notices notices, ObjectMapper json) {
        this.notices = notices;
        this.json = json;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF')")
    @Operation(summary = "推送通知",
            description = "targets 为 {\"all\": true}，或按 cities / units / kinds / rounds 选择工作组（不同维度取交集，同一维度取并集），"
                    + "再加上 chatIds 指定的群；不指定轮次时为推送当日正在进行的轮次。sendAt 为空表示立即发送。")
    Map<String, Long> send(@RequestBody NoticeRequest request, Principal principal) {
        return Map.of("id", notices.send(request, principal.getName()));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF')")
    @Operation(summary = "推送带附件的通知",
            description = "同一地址，multipart/form-data：部分 notice 为与上面相同的 JSON（内容类型可为 application/json "
                    + "或文本），部分 attachment 为附件文件（可选，不超过 10 MB）。校验、大小限制和保存方式与控制台推送相同。"
                    + "附件随通知送到每个群：群机器人 Webhook 和应用群聊收到文件；智能机器人和个人微信不能发送文件，"
                    + "设置了 liaison.public-base-url 时收到一行下载链接（无需登录，默认 30 天内有效），"
                    + "否则收到一行说明请向执法局索取。")
    Map<String, Long> sendWithAttachment(
            @RequestPart("notice") @Schema(implementation = NoticeRequest.class) String notice,
            @RequestPart(value = "attachment", required = false) MultipartFile attachment, Principal principal) {
        NoticeRequest request;
        try {
            request = json.readValue(notice, NoticeRequest.class);
        } catch (JsonProcessingException e) {
            throw new BadRequest("malformed_json", "部分 notice 不是有效的通知 JSON");
        }
        return Map.of("id", notices.send(request, NoticeKind.NOTICE, NoticeAttachment.of(attachment),
                principal.getName()));
    }

    @PostMapping("/preview")
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF')")
    @Operation(summary = "预览推送对象：将送达哪些群、经由哪个渠道",
            description = "sendAt（可选，与推送的 sendAt 写法相同）给出时按那一刻正在进行的轮次计算。ackUnavailable 为"
                    + "回执不可用的群数：经应用群聊（WECOM_APPCHAT）或群机器人 Webhook（WECOM_WEBHOOK）送达的群，"
                    + "成员的回复到不了机器人，要求回执时这些群不计回执、不提醒；每个群的 ackable 表示能否回执。")
    Map<String, Object> preview(@RequestBody NoticeTargets targets,
                                @RequestParam(required = false) String sendAt) {
        TargetResolution resolution = notices.preview(targets, notices.previewAt(sendAt));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", resolution.recipients().size());
        body.put("byDoor", resolution.byDoor());
        body.put("ackUnavailable", resolution.ackUnavailable());
        body.put("chats", resolution.recipients().stream().map(r -> Map.of("chatId", r.chat().chatId(),
                "channel", r.chat().channel().name(), "door", r.door(), "workGroup", r.groupName(),
                "city", r.cityName() == null ? "" : r.cityName(), "ackable", r.ackable())).toList());
        body.put("unreachableGroups", resolution.unreachableGroups());
        body.put("unknown", resolution.unknown());
        return body;
    }

    @GetMapping("/{id}")
    @Operation(summary = "通知及其逐群送达情况",
            description = "每个群的 chatId、channel、status、attempts、sentAt、ackedAt 总会给出（尚未发送或回执时为 null）。"
                    + "status 只取 PENDING / SENT / FAILED：已取消的群不会再发出，记为 FAILED；"
                    + "state 给出完整状态 PENDING / SENT / FAILED / CANCELLED；ackable 表示该群能否回执"
                    + "（应用群聊、群机器人 Webhook 不能）。counts.ackUnavailable 为回执不可用的群数，"
                    + "counts.awaitingAck 为要求回执时已送达、能回执而尚未回执的群数。")
    NoticeView one(@PathVariable long id) {
        return notices.view(id);
    }

    @GetMapping
    @Operation(summary = "最近的通知（最新在前），含完成情况")
    List<NoticeView> recent(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return notices.recent(Math.max(page, 0), Math.min(Math.max(size, 1), 100));
    }

    @PostMapping("/{id}/resend-failed")
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF')")
    @Operation(summary = "重新发送失败的群")
    Map<String, Integer> resendFailed(@PathVariable long id, Principal principal) {
        return Map.of("resent", notices.resendFailed(id, principal.getName()));
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF')")
    @Operation(summary = "取消尚未发出的部分")
    Map<String, Integer> cancel(@PathVariable long id, Principal principal) {
        return Map.of("cancelled", notices.cancel(id, principal.getName()));
    }
}
