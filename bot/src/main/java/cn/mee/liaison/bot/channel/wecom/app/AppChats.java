package cn.mee.liaison.bot.channel.wecom.app;

import cn.mee.liaison.bot.channel.wecom.WeComDelivery;
import cn.mee.liaison.bot.channel.wecom.api.AppApi;
import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectoryImport;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.bot.web.BadRequest;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.directory.GroupMember;
import cn.mee.liaison.storage.directory.MemberRole;
import cn.mee.liaison.storage.directory.WorkGroup;
import cn.mee.liaison.storage.outbox.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Creates a WeCom group chat for a work group through the self-built app (appchat/create), with the group's members
 * and its leader as owner, binds it to the group as a WECOM_APPCHAT chat, and says hello in it (WeCom shows a new
 * group only after its first message). While WeCom answers that it is busy (45009, -1, 5xx), creating is tried
 * again with backoff for up to 10 s, then refused with a message saying so.
 */
@Service
public class AppChats {

    /** How long a console user may be kept waiting while WeCom is busy. */
    private static final Duration CREATE_WITHIN = Duration.ofSeconds(10);

    private final AppApi api;
    private final DirectoryCache directory;
    private final DirectoryImport binding;
    private final Clock clock;

    AppChats(AppApi api, DirectoryCache directory, DirectoryImport binding, Clock clock) {
        this.api = api;
        this.directory = directory;
        this.binding = binding;
        this.clock = clock;
    }

    /** @return the new chat's id */
    public String createFor(String roundName, String groupName, String actor) {
        if (!api.configured()) {
            throw new BadRequest("not_configured", "未配置企业微信自建应用（liaison.wecom.app.corp-id / agent-id / secret）");
        }
        DirectorySnapshot s = directory.snapshot();
        WorkGroup group = s.groupNamed(roundName, groupName).orElseThrow(() -> new BadRequest("invalid_request",
                "轮次\u201c" + roundName + "\u201d中没有工作组\u201c" + groupName + "\u201d"));
        List<String> members = s.membersOf(group.id()).stream().map(GroupMember::userId).toList();
        if (members.size() < 2) {
            throw new BadRequest("invalid_request", "企业微信群聊至少需要 2 名成员，工作组\u201c" + groupName + "\u201d只有 "
                    + members.size() + " 名");
        }
        Optional<String> owner = s.membersOf(group.id()).stream().filter(m -> m.role() == MemberRole.LEADER)
                .map(GroupMember::userId).findFirst();
        String chatId = WeComDelivery.whileWaitedOn(() -> api.createChat(groupName + "工作联络群",
                owner.orElse(members.get(0)), members, null), CREATE_WITHIN, clock);
        binding.bindChat(group.id(), Channel.WECOM_APPCHAT, chatId, groupName + "工作联络群", actor);
        api.sendToChat(chatId, AppApi.payload(MessageFormat.TEXT,
                "本群由联络群机器人创建，用于" + groupName + "与执法局的工作联络。发送“帮助”查看可用命令。"));
        return chatId;
    }
}
