package cn.mee.liaison.bot.directory;

/** What a directory import changed; all zero when the same document is imported again. */
public record ImportResult(int created, int updated, int removed, long revision) {

    public boolean changedAnything() {
        return created + updated + removed > 0;
    }

    /** For replies, pages and the audit log. */
    public String summary() {
        return changedAnything()
                ? "新增 " + created + " 项，更新 " + updated + " 项，移除 " + removed + " 项"
                : "没有变化";
    }
}
