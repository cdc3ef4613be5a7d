package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.storage.directory.WorkGroup;

/** A group that reports on a day, under its plan. */
public record ExpectedGroup(WorkGroup group, DispatchPlan plan) {
}
