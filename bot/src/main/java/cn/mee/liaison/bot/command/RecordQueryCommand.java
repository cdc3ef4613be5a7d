package cn.mee.liaison.bot.command;

import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.bot.inbound.ChatContext;
import cn.mee.liaison.bot.records.KeywordStatistics;
import cn.mee.liaison.bot.records.RecordSearch;
import cn.mee.liaison.storage.directory.WorkGroup;
import cn.mee.liaison.storage.message.FiledMessage;
import cn.mee.liaison.storage.message.FiledMessageMapper;
import cn.mee.liaison.storage.message.MessageQuery;
import cn.mee.liaison.storage.message.RecordType;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * 查询 [工作组] [类型] [关键词]: the latest records of this group (or, for the bureau and the unit's coordinator, of
 * another named group), optionally of one type and containing a keyword.
 */
@Component
class RecordQueryCommand {

    private static final int SHOWN = 5;
    private static final int SNIPPET = 40;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final Replies replies;
    private final DirectoryCache directory;
    private final FiledMessageMapper messages;
    private final Clock clock;
    private final KeywordStatistics statistics;
    private final RecordSearch records;

    RecordQueryCommand(Replies replies, DirectoryCache directory, FiledMessageMapper messages, Clock clock,
                       KeywordStatistics statistics, RecordSearch records) {
        this.replies = replies;
        this.directory = directory;
        this.messages = messages;
        this.clock = clock;
        this.statistics = statistics;
        this.records = records;
    }

    OutboxMessage answer(Exchange exchange) {
        DirectorySnapshot snapshot = directory.snapshot();
        ChatContext sender = exchange.sender();
        String body = exchange.meaning().command().map(CommandLine::body).orElse("");
        RecordType type = null;
        Optional<WorkGroup> group = sender.group();
        boolean namedGroup = false;
        List<String> keywords = new ArrayList<>();
        for (String token : body.split("[\\s,，、]+")) {
            if (token.isBlank()) {
                continue;
            }
            Optional<RecordType> asType = typeNamed(token);
            if (asType.isPresent() && type == null) {
                type = asType.get();
                continue;
            }
            List<WorkGroup> groups = token.length() >= 3 && token.endsWith("组") ? snapshot.groupsMatching(token, LocalDate.ofInstant(exchange.now(), clock.getZone()))
                    : List.of();
            if (!groups.isEmpty() && !namedGroup) {
                group = Optional.of(groups.get(0));
                namedGroup = true;
                continue;
            }
            if (token.endsWith("组") && token.length() >= 4 && groups.isEmpty() && !namedGroup) {
                return exchange.reply(replies.text("query.no.group", token), false);
            }
            keywords.add(token);
        }
        if (group.isEmpty() && !sender.speaksForBureau()) {
            return exchange.reply(replies.text("query.need.group"), false);
        }
        if (group.isPresent() && !group.equals(sender.group()) && !sender.speaksForBureau()
                && !sender.coordinates(group.get().unitId())) {
            return exchange.reply(replies.text("query.not.allowed"), false);
        }
        MessageQuery query = new MessageQuery(null, group.map(WorkGroup::id).orElse(null), null, null, null, type,
                null, null, null, keywords.isEmpty() ? null : String.join(" ", keywords), null, 0, SHOWN + 1)
                .sampled(statistics.sample());
        // the 查询 message itself is filed already; being the newest, it is first when it matches
        List<FiledMessage> found = new ArrayList<>(messages.search(query));
        boolean matchesItself = !found.isEmpty() && found.get(0).id().equals(exchange.filed().id());
        if (matchesItself) {
            found.remove(0);
        }
        found = found.stream().limit(SHOWN).toList();
        String scope = describe(group, type, keywords);
        if (found.isEmpty()) {
            return exchange.reply(replies.text("query.none", scope), false);
        }
        RecordSearch.Total total = records.total(query).less(matchesItself ? 1 : 0);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            FiledMessage m = found.get(i);
            lines.add(replies.text("query.line", String.valueOf(i + 1),
                    WHEN.format(m.receivedAt().atZone(clock.getZone())),
                    m.senderName() == null ? m.senderId() : m.senderName(), m.recordType().label(), snippet(m.text())));
        }
        return exchange.reply(replies.text("query.found", total.text(), scope,
                String.valueOf(found.size())) + "\n" + String.join("\n", lines), false);
    }

    private String describe(Optional<WorkGroup> group, RecordType type, List<String> keywords) {
        List<String> parts = new ArrayList<>();
        group.ifPresent(g -> parts.add(g.name()));
        if (type != null) {
            parts.add(type.label());
        }
        if (!keywords.isEmpty()) {
            parts.add("含\u201c" + String.join(" ", keywords) + "\u201d");
        }
        return parts.isEmpty() ? "" : replies.text("query.scope", String.join("，", parts));
    }

    private static Optional<RecordType> typeNamed(String token) {
        Optional<Verb> verb = CommandLine.lookup().apply(token).filter(Verb::filesRecord);
        if (verb.isPresent()) {
            return Optional.of(verb.get().recordType());
        }
        return Arrays.stream(RecordType.values()).filter(t -> t.label().equals(token)).findFirst();
    }

    private static String snippet(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return flat.length() <= SNIPPET ? flat : flat.substring(0, SNIPPET) + "…";
    }
}
