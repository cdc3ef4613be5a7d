package cn.mee.liaison.storage.message;

/** One message of the keyword statistics' sample ({@link BigramSample}): its text and type. */
public record SampledMessage(String text, String recordType) {
}
