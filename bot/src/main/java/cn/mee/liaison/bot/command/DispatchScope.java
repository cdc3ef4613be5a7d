package cn.mee.liaison.bot.command;

import cn.mee.liaison.bot.classify.ChineseDates;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.bot.dispatch.BoardRow;
import cn.mee.liaison.bot.dispatch.DispatchTexts;
import cn.mee.liaison.bot.inbound.ChatContext;
import cn.mee.liaison.storage.directory.GroupKind;
import cn.mee.liaison.storage.directory.OrgUnit;
import cn.mee.liaison.storage.directory.WorkGroup;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Which groups a 未报 or 汇总 is about, and for which day. What the sender may see: the bureau everything, a
 * coordinator the groups of the units they coordinate, the leader of a central group the groups of its city and
 * round, any other leader their own group. The body may narrow it by city, unit, kind or group name and name a day
 * ({@code 未报 保定市}, {@code 汇总 昨天}).
 *
 * @param unknown a word of the body that names nothing, if any
 */
record DispatchScope(LocalDate day, Predicate<BoardRow> rows, String name, Optional<String> unknown) {

    static DispatchScope of(ChatContext sender, String body, DirectorySnapshot directory, LocalDate today) {
        String rest = body == null ? "" : body.strip();
        LocalDate day = today;
        Optional<ChineseDates.DateMatch> date = ChineseDates.find(rest, today);
        if (date.isPresent()) {
            day = date.get().date();
            rest = (rest.substring(0, date.get().start()) + " " + rest.substring(date.get().end())).strip();
        }
        Predicate<BoardRow> allowed = allowed(sender);
        String name = scopeName(sender, directory);
        List<Predicate<BoardRow>> narrowing = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String word : Arrays.stream(rest.split("[\\s、,，;；]+")).filter(w -> !w.isBlank()).toList()) {
            Optional<Predicate<BoardRow>> match = narrowing(word, directory, day);
            if (match.isEmpty()) {
                return new DispatchScope(day, allowed, name, Optional.of(word));
            }
            narrowing.add(match.get());
            names.add(word);
        }
        Predicate<BoardRow> rows = narrowing.isEmpty() ? allowed
                : allowed.and(narrowing.stream().reduce(r -> false, Predicate::or));
        return new DispatchScope(day, rows, names.isEmpty() ? name : String.join("、", names), Optional.empty());
    }

    /** What to answer instead, when the body names nothing known or a day still to come. */
    Optional<String> refusal(Replies replies, Verb verb, LocalDate today) {
        if (unknown.isPresent()) {
            return Optional.of(replies.text("dispatch.scope.unknown", unknown.get(), replies.exampleOf(verb)));
        }
        if (day.isAfter(today)) {
            return Optional.of(replies.text("dispatch.future", DispatchTexts.day(day)));
        }
        return Optional.empty();
    }

    private static Predicate<BoardRow> allowed(ChatContext sender) {
        if (sender.speaksForBureau()) {
            return row -> true;
        }
        Set<Long> units = sender.coordinatorOf().stream().map(OrgUnit::id).collect(Collectors.toSet());
        Predicate<BoardRow> coordinated = row -> units.contains(row.group().unitId());
        Optional<WorkGroup> own = sender.senderIsLeader() ? sender.group() : Optional.empty();
        Predicate<BoardRow> led = own.<Predicate<BoardRow>>map(g -> g.kind() == GroupKind.CENTRAL
                        ? row -> row.group().cityId().equals(g.cityId()) && row.group().roundId().equals(g.roundId())
                        : row -> row.group().id().equals(g.id()))
                .orElse(row -> false);
        return coordinated.or(led);
    }

    private static String scopeName(ChatContext sender, DirectorySnapshot directory) {
        if (sender.speaksForBureau()) {
            return "";
        }
        List<String> parts = new ArrayList<>(sender.coordinatorOf().stream().map(OrgUnit::name).toList());
        if (sender.senderIsLeader()) {
            sender.group().ifPresent(g -> parts.add(g.kind() == GroupKind.CENTRAL
                    ? directory.cityName(g.cityId()) : g.name()));
        }
        return String.join("、", parts);
    }

    private static Optional<Predicate<BoardRow>> narrowing(String word, DirectorySnapshot directory, LocalDate day) {
        if (directory.cityNamed(word).isPresent()) {
            return Optional.of(row -> word.equals(row.city()));
        }
        if (directory.unitNamed(word).isPresent()) {
            return Optional.of(row -> word.equals(row.unit()));
        }
        for (GroupKind kind : GroupKind.values()) {
            if (kind.label().equals(word)) {
                return Optional.of(row -> row.group().kind() == kind);
            }
        }
        List<WorkGroup> groups = directory.groupsMatching(word, day);
        if (!groups.isEmpty()) {
            Set<Long> ids = groups.stream().map(WorkGroup::id).collect(Collectors.toSet());
            return Optional.of(row -> ids.contains(row.group().id()));
        }
        return Optional.empty();
    }
}
