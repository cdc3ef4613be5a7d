package cn.mee.liaison.storage.outbox;

/** What an outbox row holds: text or markdown, or a file or picture whose content is its path in the file store. */
public enum MessageFormat {
    TEXT,
    MARKDOWN,
    FILE,
    IMAGE;

    public boolean carriesFile() {
        return this == FILE || this == IMAGE;
    }
}
