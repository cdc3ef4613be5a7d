package cn.mee.liaison.storage.directory;

/** A member of staff of 生态环境执法局, who may use the bureau's commands in chat. */
public record BureauStaff(String userId, String name) {
}
