package cn.mee.liaison.storage.wecom;

import java.time.Instant;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The shared access tokens. A refresh locks the app's row so that only one instance asks WeCom at a time. */
@Mapper
public interface AccessTokenMapper {

    Optional<AccessToken> find(@Param("appKey") String appKey);

    /** Creates the app's row if missing (no effect when it exists). */
    void ensure(@Param("appKey") String appKey);

    /** Locks the app's row for the rest of the transaction and reads it. */
    AccessToken lock(@Param("appKey") String appKey);

    void store(@Param("appKey") String appKey, @Param("token") String token, @Param("expiresAt") Instant expiresAt,
               @Param("refreshedAt") Instant refreshedAt);

    /** Expires the token if it is still the given one (a token WeCom refused); another may have replaced it. */
    int expire(@Param("appKey") String appKey, @Param("token") String token, @Param("at") Instant at);
}
