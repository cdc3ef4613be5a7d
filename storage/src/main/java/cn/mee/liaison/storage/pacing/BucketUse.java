package cn.mee.liaison.storage.pacing;

import java.time.Instant;

/** How much of a bucket is used since a moment, and its oldest slot in that time. */
public record BucketUse(String bucket, long used, Instant oldest) {
}
