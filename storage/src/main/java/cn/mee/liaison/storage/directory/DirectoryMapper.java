package cn.mee.liaison.storage.directory;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import cn.mee.liaison.storage.support.GeneratedId;
import org.apache.ibatis.annotations.Param;

/** Reads and writes the organisation. Writes happen only inside one directory import transaction. */
@Mapper
public interface DirectoryMapper {

    /** Locks the revision row: directory imports run one at a time across all instances. */
    long lockRevision();

    long currentRevision();

    void bumpRevision(@Param("changedAt") Instant changedAt);

    List<OrgUnit> findUnits();

    List<City> findCities();

    List<CityCoUnit> findCityCoUnits();

    List<CampaignRound> findRounds();

    List<WorkGroup> findWorkGroups();

    List<GroupMember> findMembers();

    List<Chat> findChats();

    List<BureauStaff> findBureauStaff();

    void insertUnit(@Param("row") OrgUnit unit, @Param("key") GeneratedId key);

    default long insert(OrgUnit unit) {
        GeneratedId key = new GeneratedId();
        insertUnit(unit, key);
        return key.value();
    }

    void updateUnit(OrgUnit unit);

    void insertCity(@Param("row") City city, @Param("key") GeneratedId key);

    default long insert(City city) {
        GeneratedId key = new GeneratedId();
        insertCity(city, key);
        return key.value();
    }

    void updateCity(City city);

    void insertCityCoUnit(CityCoUnit coUnit);

    void deleteCityCoUnit(CityCoUnit coUnit);

    void insertRound(@Param("row") CampaignRound round, @Param("key") GeneratedId key);

    default long insert(CampaignRound round) {
        GeneratedId key = new GeneratedId();
        insertRound(round, key);
        return key.value();
    }

    void updateRound(CampaignRound round);

    void insertWorkGroup(@Param("row") WorkGroup group, @Param("key") GeneratedId key);

    default long insert(WorkGroup group) {
        GeneratedId key = new GeneratedId();
        insertWorkGroup(group, key);
        return key.value();
    }

    void updateWorkGroup(WorkGroup group);

    void insertMember(@Param("row") GroupMember member, @Param("key") GeneratedId key);

    default long insert(GroupMember member) {
        GeneratedId key = new GeneratedId();
        insertMember(member, key);
        return key.value();
    }

    void updateMember(GroupMember member);

    void deleteMember(@Param("id") long id);

    void insertChat(@Param("row") Chat chat, @Param("key") GeneratedId key);

    default long insert(Chat chat) {
        GeneratedId key = new GeneratedId();
        insertChat(chat, key);
        return key.value();
    }

    void updateChat(Chat chat);

    void deleteChat(@Param("id") long id);

    void insertBureauStaff(BureauStaff staff);

    void updateBureauStaff(BureauStaff staff);

    void deleteBureauStaff(@Param("userId") String userId);
}
