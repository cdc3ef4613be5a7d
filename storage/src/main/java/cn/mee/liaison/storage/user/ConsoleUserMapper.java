package cn.mee.liaison.storage.user;

import cn.mee.liaison.storage.support.GeneratedId;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface ConsoleUserMapper {

    Optional<ConsoleUser> findByUsername(@Param("username") String username);

    List<ConsoleUser> findAll();

    void insertRow(@Param("row") ConsoleUser user, @Param("key") GeneratedId key);

    default long insert(ConsoleUser user) {
        GeneratedId key = new GeneratedId();
        insertRow(user, key);
        return key.value();
    }

    void update(ConsoleUser user);

    void updatePassword(@Param("username") String username, @Param("passwordHash") String passwordHash);
}
