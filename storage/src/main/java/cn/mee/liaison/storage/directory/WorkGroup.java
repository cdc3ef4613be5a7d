package cn.mee.liaison.storage.directory;

/** 工作组 of one round in one city, sent by one responsible unit. */
public record WorkGroup(Long id, String name, Long roundId, Long cityId, Long unitId, GroupKind kind) {
}
