package cn.mee.liaison.bot.command;

import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.dispatch.BoardDay;
import cn.mee.liaison.bot.dispatch.BoardRow;
import cn.mee.liaison.bot.dispatch.DispatchBoard;
import cn.mee.liaison.bot.dispatch.DispatchStages;
import cn.mee.liaison.bot.dispatch.DispatchTexts;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Component;

/** 未报: the groups in the sender's reach that have not reported the day's dispatch, each nudged in its chat. */
@Component
class MissingReportsCommand {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final DispatchBoard board;
    private final DispatchStages stages;
    private final DirectoryCache directory;
    private final Replies replies;
    private final Clock clock;

    MissingReportsCommand(DispatchBoard board, DispatchStages stages, DirectoryCache directory, Replies replies,
            Clock clock) {
        this.board = board;
        this.stages = stages;
        this.directory = directory;
        this.replies = replies;
        this.clock = clock;
    }

    OutboxMessage answer(Exchange exchange) {
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.ofInstant(exchange.now(), zone);
        String body = exchange.meaning().command().map(CommandLine::body).orElse("");
        DispatchScope scope = DispatchScope.of(exchange.sender(), body, directory.snapshot(), today);
        Optional<String> refusal = scope.refusal(replies, Verb.MISSING_REPORTS, today);
        if (refusal.isPresent()) {
            return exchange.reply(refusal.get(), true);
        }
        BoardDay day = board.on(scope.day()).filter(scope.rows());
        String when = DispatchTexts.day(scope.day());
        if (day.rows().isEmpty()) {
            return exchange.reply(replies.text("dispatch.not.expected", when, day.dayKind(), scope.name()), true);
        }
        List<BoardRow> missing = stages.remindNow(scope.day(), scope.rows());
        if (missing.isEmpty()) {
            return exchange.reply(replies.text("dispatch.all.reported", when, scope.name(), day.rows().size()), true);
        }
        long incomplete = missing.stream().filter(BoardRow::incomplete).count();
        StringBuilder text = new StringBuilder(replies.text("dispatch.missing.list", when,
                CLOCK.format(exchange.now().atZone(zone)), scope.name(), day.rows().size(),
                missing.size() - incomplete, incomplete == 0 ? "" : replies.text("dispatch.missing.incomplete",
                        incomplete)));
        for (BoardRow row : missing) {
            text.append("\n- ").append(row.group().name()).append(row.unit() == null ? "" : "（" + row.unit() + "）")
                    .append(row.incomplete() ? "：缺" + DispatchTexts.labels(row.missing()) : "");
        }
        return exchange.reply(text.append('\n').append(replies.text("dispatch.missing.reminded")).toString(), true);
    }
}
