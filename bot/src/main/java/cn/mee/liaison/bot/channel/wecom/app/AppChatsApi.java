package cn.mee.liaison.bot.channel.wecom.app;

import cn.mee.liaison.bot.channel.wecom.api.WeComFailure;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/wecom/appchats")
@Tag(name = "企业微信", description = "自建应用创建的群聊")
class AppChatsApi {

    private final AppChats chats;

    AppChatsApi(AppChats chats) {
        this.chats = chats;
    }

    /** The work group to create a chat for. */
    record CreateChat(String round, String workGroup) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF')")
    @Operation(summary = "为工作组创建企业微信群聊（appchat/create），并绑定到该工作组",
            description = "群成员为工作组全体成员，群主为组长；创建后机器人在群内发一条欢迎语（企业微信要求首条消息后群才可见）。")
    Map<String, String> create(@RequestBody CreateChat request, Principal principal) {
        return Map.of("chatId", chats.createFor(request.round(), request.workGroup(), principal.getName()));
    }

    @ExceptionHandler(WeComFailure.class)
    ResponseEntity<Map<String, String>> refused(WeComFailure failure) {
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
                .body(Map.of("error", "wecom_error", "message", failure.describe()));
    }
}
