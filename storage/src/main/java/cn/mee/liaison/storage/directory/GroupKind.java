package cn.mee.liaison.storage.directory;

/** 中心组 / 普通组 / 特别组 (第四条–第六条). */
public enum GroupKind {
    CENTRAL("中心组"),
    ORDINARY("普通组"),
    SPECIAL("特别组");

    private final String label;

    GroupKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
