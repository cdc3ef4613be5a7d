package cn.mee.liaison.storage.directory;

/** 组长 / 组员 (第四条(九)). */
public enum MemberRole {
    LEADER("组长"),
    MEMBER("组员");

    private final String label;

    MemberRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
