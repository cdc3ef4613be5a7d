package cn.mee.liaison.bot.command;

import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.bot.notice.NoticeRequest;
import cn.mee.liaison.bot.notice.NoticeTargets;
import cn.mee.liaison.bot.notice.Notices;
import cn.mee.liaison.bot.notice.TargetResolution;
import cn.mee.liaison.bot.web.BadRequest;
import cn.mee.liaison.storage.directory.Chat;
import cn.mee.liaison.storage.directory.GroupKind;
import cn.mee.liaison.storage.directory.WorkGroup;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * 推送 [回执] [定时 2026-12-03 09:00] 对象：内容 — bureau staff push a notice from the bureau's chat. The targets before
 * the colon may be 全部, city, unit, group kind (中心组 / 普通组 / 特别组), round or work group names, separated by 、
 * or commas; 回执 asks every chat to acknowledge; 定时 sends it at that time (Beijing time), to the groups of the
 * rounds running then. The first line of the content is the title. The answer says how many chats it reaches, by
 * door.
 */
@Component
class PushCommand {

    private static final int TITLE = 30;
    /** 回执, or 定时 and its time, before the targets (either order). */
    private static final Pattern OPTION = Pattern.compile(
            "^(需?回执|定时\\s*(\\d{4}-\\d{1,2}-\\d{1,2}[\\sT]+\\d{1,2}:\\d{2})?)\\s*");
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("yyyy-M-d H:mm");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private final Notices notices;
    private final DirectoryCache directory;
    private final Replies replies;
    private final Clock clock;

    PushCommand(Notices notices, DirectoryCache directory, Replies replies, Clock clock) {
        this.notices = notices;
        this.directory = directory;
        this.replies = replies;
        this.clock = clock;
    }

    OutboxMessage answer(Exchange exchange) {
        String body = exchange.meaning().command().map(CommandLine::body).orElse("").strip();
        boolean ack = false;
        LocalDateTime at = null;
        for (Matcher option = OPTION.matcher(body); option.find(); option = OPTION.matcher(body)) {
            if (option.group(1).startsWith("定时")) {
                if (option.group(2) == null) {
                    return exchange.reply(replies.text("push.bad.time"), true);
                }
                try {
                    at = LocalDateTime.parse(option.group(2).replaceAll("[\\sT]+", " "), TYPED);
                } catch (DateTimeParseException e) {
                    return exchange.reply(replies.text("push.bad.time"), true);
                }
            } else {
                ack = true;
            }
            body = body.substring(option.end());
        }
        int colon = body.indexOf(':');
        if (colon <= 0 || body.substring(colon + 1).isBlank()) {
            return exchange.reply(replies.text("push.malformed", replies.exampleOf(Verb.PUSH)), true);
        }
        NoticeTargets targets = targets(body.substring(0, colon), exchange);
        String content = body.substring(colon + 1).strip();
        String firstLine = content.lines().findFirst().orElse(content);
        String title = firstLine.length() <= TITLE ? firstLine : firstLine.substring(0, TITLE) + "…";
        Instant sendAt = at == null ? exchange.now() : at.atZone(clock.getZone()).toInstant();
        if (sendAt.isBefore(exchange.now())) {
            return exchange.reply(replies.text("push.past.time", SHOWN.format(at)), true);
        }
        try {
            TargetResolution reach = notices.preview(targets, sendAt);
            long id = notices.send(new NoticeRequest(title, content, "text", targets, ack,
                    at == null ? null : sendAt.toString()), "chat:" + exchange.message().senderId());
            String doors = reach.byDoor().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining("，"));
            String unreachable = reach.unreachableGroups().isEmpty() ? ""
                    : replies.text("push.unreachable", String.join("、", reach.unreachableGroups()));
            String chats = String.valueOf(reach.recipients().size());
            String asked = replies.text(ack ? "push.ack" : "push.no.ack");
            String done = at == null
                    ? replies.text("push.done", String.valueOf(id), title, chats, doors, asked)
                    : replies.text("push.scheduled", String.valueOf(id), title, chats, doors, asked, SHOWN.format(at));
            String deaf = ack && reach.ackUnavailable() > 0
                    ? replies.text("push.ack.unavailable", String.valueOf(reach.ackUnavailable())) : "";
            return exchange.reply(done + deaf + unreachable, true);
        } catch (BadRequest e) {
            return exchange.reply(replies.text("push.failed", e.getMessage().replaceFirst("^targets：", "")), true);
        }
    }

    private NoticeTargets targets(String spec, Exchange exchange) {
        DirectorySnapshot s = directory.snapshot();
        LocalDate day = LocalDate.ofInstant(exchange.now(), clock.getZone());
        List<String> cities = new ArrayList<>();
        List<String> units = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<String> rounds = new ArrayList<>();
        List<String> chatIds = new ArrayList<>();
        boolean all = false;
        for (String token : spec.split("[、,，;；\\s]+")) {
            if (token.isBlank()) {
                continue;
            }
            if (List.of("全部", "所有", "全体", "全部工作组").contains(token)) {
                all = true;
            } else if (s.cityNamed(token).isPresent()) {
                cities.add(token);
            } else if (s.unitNamed(token).isPresent()) {
                units.add(token);
            } else if (Arrays.stream(GroupKind.values()).anyMatch(k -> k.label().equals(token))) {
                kinds.add(token);
            } else if (s.roundNamed(token).isPresent()) {
                rounds.add(token);
            } else {
                List<WorkGroup> groups = s.groupsMatching(token, day);
                if (groups.isEmpty()) {
                    chatIds.add(token); // reported as unknown by the notice
                } else {
                    s.chatsOf(groups.get(0).id()).stream().map(Chat::chatId).forEach(chatIds::add);
                }
            }
        }
        return new NoticeTargets(all ? Boolean.TRUE : null, cities, units, kinds, rounds, chatIds);
    }
}
