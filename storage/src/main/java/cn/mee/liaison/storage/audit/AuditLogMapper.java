package cn.mee.liaison.storage.audit;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface AuditLogMapper {

    void insert(AuditEntry entry);

    /** Newest first. */
    List<AuditEntry> find(@Param("action") String action, @Param("actor") String actor,
                          @Param("from") Instant from, @Param("to") Instant to,
                          @Param("offset") int offset, @Param("limit") int limit);

    long count(@Param("action") String action, @Param("actor") String actor,
               @Param("from") Instant from, @Param("to") Instant to);
}
