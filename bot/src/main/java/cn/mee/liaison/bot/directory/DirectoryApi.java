package cn.mee.liaison.bot.directory;

import cn.mee.liaison.bot.security.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/directory")
@Tag(name = "组织架构", description = "包保单位、城市、轮次、工作组、成员与群聊")
class DirectoryApi {

    private final DirectoryImport importer;
    private final DirectoryCache cache;

    DirectoryApi(DirectoryImport importer, DirectoryCache cache) {
        this.importer = importer;
        this.cache = cache;
    }

    @GetMapping
    @Operation(summary = "当前组织架构（与导入的文档同一格式）",
            description = "包保单位协调联络员只看到本单位的工作组（及其所在城市、轮次和相关单位），不含执法局群聊与人员；"
                    + "webhookKey 只对执法局用户（BUREAU_ADMIN、BUREAU_STAFF）完整显示，其他用户只见末四位。")
    DirectoryDocument get() {
        Viewer viewer = Viewer.current();
        return DirectoryDescription.of(cache.snapshot().within(viewer.unitScope()), viewer.isBureau());
    }

    @PutMapping
    @PreAuthorize("hasAnyRole('BUREAU_ADMIN','BUREAU_STAFF')")
    @Operation(summary = "导入（新增或更新）组织架构",
            description = "按名称新增或更新单位、城市、轮次、工作组、执法局群和人员；文档中列出的工作组，其成员和群聊以文档为准"
                    + "（省略 members/chats 则保持不变）。文档有任何错误则整体不导入，并指出出错位置。重复导入同一文档不产生任何变化。")
    ImportResult put(@RequestBody DirectoryDocument document, Principal principal) {
        return importer.apply(document, principal.getName(), "API");
    }
}
