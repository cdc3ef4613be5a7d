package cn.mee.liaison.bot.directory;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mee.liaison.bot.directory.DirectoryDocument.Chat;
import cn.mee.liaison.bot.directory.DirectoryDocument.City;
import cn.mee.liaison.bot.directory.DirectoryDocument.Member;
import cn.mee.liaison.bot.directory.DirectoryDocument.Round;
import cn.mee.liaison.bot.directory.DirectoryDocument.Unit;
import cn.mee.liaison.bot.directory.DirectoryDocument.WorkGroup;
import cn.mee.liaison.bot.support.RunningBot;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Snapshots are read while imports commit: none may mix two revisions. (CI once saw a notice refused because a
 * background refresh had read the work groups before an import and its chats after it.)
 */
class DirectorySnapshotConsistencyTest extends RunningBot {

    private static final int IMPORTS = 40;

    @Autowired
    private DirectoryImport directory;
    @Autowired
    private DirectoryStore store;

    @Test
    void everySnapshotTakenDuringImportsIsWhole() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        AtomicBoolean importing = new AtomicBoolean(true);
        CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
            int snapshots = 0;
            while (importing.get() || snapshots == 0) {
                DirectorySnapshot s = store.loadIfChanged(-1).orElseThrow();
                assertWhole(s);
                snapshots++;
            }
            return snapshots;
        });
        List<WorkGroup> groups = new ArrayList<>();
        try {
            for (int i = 0; i < IMPORTS; i++) {
                groups.add(new WorkGroup("一致性组" + i + "-" + tag, "保定市-" + tag, "单位-" + tag, "ORDINARY",
                        "一致性轮-" + tag, List.of(new Member("member-" + i + "-" + tag, "成员" + i, "LEADER")),
                        List.of(new Chat("SANDBOX", "consistency-" + i + "-" + tag, null, null))));
                directory.apply(new DirectoryDocument(List.of(new Unit("单位-" + tag, null)),
                        List.of(new City("保定市-" + tag, "单位-" + tag, List.of())),
                        List.of(new Round("一致性轮-" + tag, "2026-11-01", "2026-12-31")), List.copyOf(groups),
                        List.of(), List.of()), "test", "test");
            }
        } finally {
            importing.set(false);
        }

        assertThat(reader.get()).isPositive();
        DirectorySnapshot last = store.loadIfChanged(-1).orElseThrow();
        assertWhole(last);
        assertThat(last.groups()).filteredOn(g -> g.name().endsWith(tag)).hasSize(IMPORTS);
        assertThat(store.loadIfChanged(last.revision())).as("nothing changed since").isEmpty();
    }

    private static void assertWhole(DirectorySnapshot s) {
        assertThat(s.chats()).filteredOn(c -> c.workGroupId() != null)
                .allSatisfy(c -> assertThat(s.group(c.workGroupId())).as("group of chat %s", c.chatId()).isPresent());
        assertThat(s.groups()).allSatisfy(g -> {
            assertThat(s.round(g.roundId())).isPresent();
            assertThat(s.city(g.cityId())).isPresent();
            assertThat(s.unit(g.unitId())).isPresent();
        });
    }
}
