package cn.mee.liaison.storage.directory;

/** 包保单位 and its 协调联络员. */
public record OrgUnit(Long id, String name, String coordinatorUserId, String coordinatorName) {
}
