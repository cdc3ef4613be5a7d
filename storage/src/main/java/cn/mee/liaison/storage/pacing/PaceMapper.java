package cn.mee.liaison.storage.pacing;

import cn.mee.liaison.storage.support.GeneratedId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Slots taken in pacing buckets, shared by every instance. */
@Mapper
public interface PaceMapper {

    void ensureBuckets(@Param("buckets") Collection<String> buckets);

    /** Locks the buckets' rows for the rest of the transaction. */
    List<String> lockBuckets(@Param("buckets") Collection<String> buckets);

    /** Weight used in one bucket since a moment. */
    BucketUse use(@Param("bucket") String bucket, @Param("since") Instant since);

    /** Weight used in each of these buckets since a moment (buckets with none used are left out). */
    List<BucketUse> useAll(@Param("buckets") Collection<String> buckets, @Param("since") Instant since);

    /** Takes one slot per entry (bucket, weight), all at the same moment, in one statement. */
    void takeAll(@Param("slots") List<BucketUse> slots, @Param("at") Instant at);

    void takeRow(@Param("bucket") String bucket, @Param("weight") int weight, @Param("at") Instant at,
                 @Param("key") GeneratedId key);

    /** Takes a slot; returns its id. */
    default long take(String bucket, int weight, Instant at) {
        GeneratedId key = new GeneratedId();
        takeRow(bucket, weight, at, key);
        return key.value();
    }

    /** Gives slots back (concurrency permits whose send is over). */
    int giveBack(@Param("ids") Collection<Long> ids);

    int forgetBefore(@Param("before") Instant before);

    /** Weight used since a moment in all buckets whose name starts with the prefix. */
    long usedWithPrefix(@Param("prefix") String prefix, @Param("since") Instant since);
}
