package cn.mee.liaison.storage.message;

/** The shape of what arrived, as the platform delivered it. */
public enum ContentKind {
    TEXT,
    MIXED,
    IMAGE,
    FILE,
    VOICE,
    EVENT
}
