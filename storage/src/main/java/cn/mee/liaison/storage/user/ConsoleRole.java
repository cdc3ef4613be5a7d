package cn.mee.liaison.storage.user;

/** What a console or API user may do. */
public enum ConsoleRole {
    /** Everything, including users and the audit log. */
    BUREAU_ADMIN("执法局管理员"),
    /** The bureau's daily work: directory, records, exports, pushes. */
    BUREAU_STAFF("执法局工作人员"),
    /** A responsible unit's 协调联络员: sees and exports only the own unit's groups and records. */
    UNIT_COORDINATOR("包保单位协调联络员"),
    /** Reads records; no exports, no changes. */
    VIEWER("只读用户");

    private final String label;

    ConsoleRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
