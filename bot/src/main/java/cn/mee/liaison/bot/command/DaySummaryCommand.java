package cn.mee.liaison.bot.command;

import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.dispatch.BoardDay;
import cn.mee.liaison.bot.dispatch.BoardRow;
import cn.mee.liaison.bot.dispatch.DaySummary;
import cn.mee.liaison.bot.dispatch.DispatchBoard;
import cn.mee.liaison.bot.dispatch.DispatchTexts;
import cn.mee.liaison.bot.dispatch.SummaryText;
import cn.mee.liaison.storage.outbox.MessageFormat;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** 汇总: the day's dispatch summed up for the groups in the sender's reach; one city down to each group. */
@Component
class DaySummaryCommand {

    private final DispatchBoard board;
    private final DirectoryCache directory;
    private final Replies replies;
    private final Clock clock;

    DaySummaryCommand(DispatchBoard board, DirectoryCache directory, Replies replies,
            Clock clock) {
        this.board = board;
        this.directory = directory;
        this.replies = replies;
        this.clock = clock;
    }

    OutboxMessage answer(Exchange exchange) {
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.ofInstant(exchange.now(), zone);
        String body = exchange.meaning().command().map(CommandLine::body).orElse("");
        DispatchScope scope = DispatchScope.of(exchange.sender(), body, directory.snapshot(), today);
        Optional<String> refusal = scope.refusal(replies, Verb.DAY_SUMMARY, today);
        if (refusal.isPresent()) {
            return exchange.reply(refusal.get(), true);
        }
        BoardDay day = board.on(scope.day()).filter(scope.rows());
        if (day.rows().isEmpty()) {
            return exchange.reply(replies.text("dispatch.not.expected", DispatchTexts.day(scope.day()),
                    day.dayKind(), scope.name()), true);
        }
        DaySummary summary = DaySummary.of(day);
        long cities = day.rows().stream().map(BoardRow::city).filter(Objects::nonNull).distinct().count();
        String text = cities == 1
                ? SummaryText.forCity(summary, day.rows().get(0).city(), zone)
                : SummaryText.forBureau(summary);
        return exchange.reply(MessageFormat.MARKDOWN, text, false);
    }
}
