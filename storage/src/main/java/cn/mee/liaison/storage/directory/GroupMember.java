package cn.mee.liaison.storage.directory;

/** A member of a work group, known by the chat platform's user id. */
public record GroupMember(Long id, Long workGroupId, String userId, String name, MemberRole role) {
}
