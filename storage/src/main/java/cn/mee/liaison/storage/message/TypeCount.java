package cn.mee.liaison.storage.message;

/** How many messages of one record type. */
public record TypeCount(RecordType recordType, long total) {
}
