package cn.mee.liaison.storage.wecom;

import java.time.Instant;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Nonces of callbacks already accepted, so that a replayed callback is refused on every instance. */
@Mapper
public interface CallbackNonceMapper {

    /** Fails with a duplicate-key error when the nonce was recorded before: the callback is a replay. */
    void record(@Param("door") String door, @Param("nonce") String nonce, @Param("stamp") long stamp,
                @Param("seenAt") Instant seenAt);

    int forgetBefore(@Param("before") Instant before);
}
