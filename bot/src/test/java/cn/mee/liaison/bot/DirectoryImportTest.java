package cn.mee.liaison.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectoryDocument;
import cn.mee.liaison.bot.directory.DirectoryDocument.Chat;
import cn.mee.liaison.bot.directory.DirectoryDocument.Member;
import cn.mee.liaison.bot.directory.DirectoryDocument.WorkGroup;
import cn.mee.liaison.bot.directory.DirectoryImport;
import cn.mee.liaison.bot.directory.DirectoryProblem;
import cn.mee.liaison.bot.directory.DirectoryRejected;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.bot.directory.ImportResult;
import cn.mee.liaison.bot.support.RunningBot;
import cn.mee.liaison.bot.support.TestOrganisation;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.directory.GroupMember;
import cn.mee.liaison.storage.directory.MemberRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** How a directory document merges into the stored organisation, on the test database. */
class DirectoryImportTest extends RunningBot {

    @Autowired
    DirectoryImport importer;
    @Autowired
    DirectoryCache cache;

    private final TestOrganisation org = new TestOrganisation(UUID.randomUUID().toString().substring(0, 8));

    @Test
    void aListedGroupsMembersAndChatsAreReplacedAndNothingElseIsDeleted() {
        importer.apply(org.document(), "test", "test");
        DirectoryDocument doc = org.document();
        List<WorkGroup> groups = new ArrayList<>(doc.workGroups());
        groups.set(1, new WorkGroup("保定市第一组", org.cityA(), org.unitB(), "ORDINARY", org.round(),
                List.of(new Member(org.leader(), "张三", "MEMBER"), new Member("new-" + org.tag(), "钱七", "LEADER")),
                List.of(new Chat("SANDBOX", "bd-1-new-" + org.tag(), null, null))));
        groups.remove(2); // 廊坊市第一组 left out: kept as it is
        ImportResult result = importer.apply(new DirectoryDocument(doc.units(), doc.cities(), doc.rounds(), groups,
                doc.bureauChats(), doc.bureauStaff()), "test", "test");

        // the group's unit changed, 张三 demoted, 钱七 added, 李四 removed, the old chat replaced by the new one
        assertThat(result.updated()).isEqualTo(2);
        assertThat(result.created()).isEqualTo(2);
        assertThat(result.removed()).isEqualTo(2);
        DirectorySnapshot s = cache.snapshot();
        long groupId = s.groupNamed(org.round(), "保定市第一组").orElseThrow().id();
        assertThat(s.membersOf(groupId)).extracting(GroupMember::name, GroupMember::role)
                .containsExactlyInAnyOrder(tuple("张三", MemberRole.MEMBER),
                        tuple("钱七", MemberRole.LEADER));
        assertThat(s.chatsOf(groupId)).extracting(c -> c.chatId()).containsExactly("bd-1-new-" + org.tag());
        assertThat(s.groupNamed(org.round(), "廊坊市第一组")).isPresent();
        assertThat(s.chat(Channel.SANDBOX, org.otherCityChat())).isPresent();
    }

    @Test
    void leavingOutMembersKeepsThem() {
        importer.apply(org.document(), "test", "test");
        DirectoryDocument doc = org.document();
        WorkGroup bare = new WorkGroup("保定市第一组", org.cityA(), org.unitA(), "ORDINARY", org.round(), null, null);
        ImportResult result = importer.apply(new DirectoryDocument(List.of(), List.of(), List.of(), List.of(bare),
                List.of(), List.of()), "test", "test");
        assertThat(result.changedAnything()).isFalse();
        long groupId = cache.snapshot().groupNamed(org.round(), "保定市第一组").orElseThrow().id();
        assertThat(cache.snapshot().membersOf(groupId)).hasSize(2);
        assertThat(doc.workGroups()).hasSize(3);
    }

    @Test
    void everyProblemIsNamedAndNothingIsWritten() {
        DirectoryDocument doc = org.document();
        List<WorkGroup> groups = new ArrayList<>(doc.workGroups());
        groups.add(new WorkGroup("保定市中心组二", org.cityA(), org.unitA(), "CENTRAL", org.round(),
                List.of(new Member("", "无账号", "LEADER"), new Member("x", "某", "BOSS")),
                List.of(new Chat("WECOM_WEBHOOK", "hook-" + org.tag(), null, null),
                        new Chat("SANDBOX", org.ordinaryChat(), null, null))));
        DirectoryDocument bad = new DirectoryDocument(doc.units(), doc.cities(),
                List.of(new DirectoryDocument.Round(org.round(), "2026-11-01", "2026-10-01")), groups,
                doc.bureauChats(), doc.bureauStaff());
        assertThatThrownBy(() -> importer.apply(bad, "test", "test"))
                .isInstanceOfSatisfying(DirectoryRejected.class, e -> assertThat(e.problems())
                        .extracting(DirectoryProblem::location, DirectoryProblem::message)
                        .containsExactlyInAnyOrder(
                                tuple("rounds[0].end", "结束日期 2026-10-01 早于开始日期 2026-11-01"),
                                tuple("workGroups[3].kind", org.cityA() + "在" + org.round()
                                        + "已有中心组\u201c保定市中心组\u201d，每个城市每轮只设一个中心组"),
                                tuple("workGroups[3].members[0].userId", "缺少成员账号"),
                                tuple("workGroups[3].members[1].role",
                                        "角色\u201cBOSS\u201d无效，应为 LEADER（组长）或 MEMBER（组员）"),
                                tuple("workGroups[3].chats[0].webhookKey", "WECOM_WEBHOOK 群聊必须填写 webhookKey"),
                                tuple("workGroups[3].chats[1].chatId",
                                        "群聊 SANDBOX/" + org.ordinaryChat() + " 在文件中出现了不止一次")));
        assertThat(cache.snapshot().unitNamed(org.unitA())).isEmpty();
        assertThat(cache.snapshot().roundNamed(org.round())).isEmpty();
    }

    @Test
    void anExcelSourceNamesRowsInsteadOfPaths() {
        DirectoryDocument doc = new DirectoryDocument(List.of(new DirectoryDocument.Unit("", null)), List.of(),
                List.of(), List.of(), List.of(), List.of());
        assertThatThrownBy(() -> importer.apply(doc, Map.of("units[0]", "「包保单位」表第2行"), "test", "test"))
                .isInstanceOfSatisfying(DirectoryRejected.class, e -> assertThat(e.problems())
                        .containsExactly(new DirectoryProblem("「包保单位」表第2行", "缺少单位名称")));
    }
}
