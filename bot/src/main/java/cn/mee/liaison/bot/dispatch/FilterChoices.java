package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.bot.security.Viewer;
import cn.mee.liaison.storage.directory.GroupKind;
import java.util.Comparator;
import java.util.List;

/** The names offered in the filters of the dispatch pages: cities, the units the viewer may see, group kinds. */
record FilterChoices(List<String> cities, List<String> units, List<GroupKind> kinds) {

    static FilterChoices of(DirectorySnapshot snapshot, Viewer viewer) {
        return new FilterChoices(
                snapshot.cities().stream().map(c -> c.name()).sorted(Comparator.naturalOrder()).toList(),
                snapshot.units().stream().filter(u -> viewer.seesUnit(u.id())).map(u -> u.name())
                        .sorted(Comparator.naturalOrder()).toList(),
                List.of(GroupKind.values()));
    }
}
