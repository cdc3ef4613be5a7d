package cn.mee.liaison.bot.records;

import java.util.List;

/** One page of records, newest first, and how many match in all. */
public record RecordPage(List<RecordView> items, long total) {
}
