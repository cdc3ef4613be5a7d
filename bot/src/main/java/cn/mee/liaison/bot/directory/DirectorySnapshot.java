package cn.mee.liaison.bot.directory;

import cn.mee.liaison.storage.directory.BureauStaff;
import cn.mee.liaison.storage.directory.CampaignRound;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.directory.Chat;
import cn.mee.liaison.storage.directory.City;
import cn.mee.liaison.storage.directory.CityCoUnit;
import cn.mee.liaison.storage.directory.GroupKind;
import cn.mee.liaison.storage.directory.GroupMember;
import cn.mee.liaison.storage.directory.OrgUnit;
import cn.mee.liaison.storage.directory.WorkGroup;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The whole organisation at one revision, in memory and immutable: every lookup the pipeline, the commands and the
 * console make without touching the database. A few thousand rows even nationwide.
 */
public final class DirectorySnapshot {

    private final long revision;
    private final Map<Long, OrgUnit> units;
    private final Map<Long, City> cities;
    private final Map<Long, List<Long>> coUnitsByCity;
    private final Map<Long, CampaignRound> rounds;
    private final Map<Long, WorkGroup> groups;
    private final Map<Long, List<GroupMember>> membersByGroup;
    private final Map<String, List<GroupMember>> membershipsByUser;
    private final Map<ChatKey, Chat> chats;
    private final Map<Long, List<Chat>> chatsByGroup;
    private final Map<String, BureauStaff> bureauStaff;

    private record ChatKey(Channel channel, String chatId) {
    }

    public DirectorySnapshot(long revision, List<OrgUnit> units, List<City> cities, List<CityCoUnit> coUnits,
                             List<CampaignRound> rounds, List<WorkGroup> groups, List<GroupMember> members,
                             List<Chat> chats, List<BureauStaff> bureauStaff) {
        this.revision = revision;
        this.units = byId(units, OrgUnit::id);
        this.cities = byId(cities, City::id);
        this.coUnitsByCity = coUnits.stream().collect(Collectors.groupingBy(CityCoUnit::cityId,
                Collectors.mapping(CityCoUnit::unitId, Collectors.toUnmodifiableList())));
        this.rounds = byId(rounds, CampaignRound::id);
        this.groups = byId(groups, WorkGroup::id);
        this.membersByGroup = members.stream().collect(Collectors.groupingBy(GroupMember::workGroupId,
                Collectors.toUnmodifiableList()));
        this.membershipsByUser = members.stream().collect(Collectors.groupingBy(GroupMember::userId,
                Collectors.toUnmodifiableList()));
        this.chats = chats.stream().collect(Collectors.toUnmodifiableMap(c -> new ChatKey(c.channel(), c.chatId()),
                Function.identity()));
        this.chatsByGroup = chats.stream().filter(c -> c.workGroupId() != null)
                .collect(Collectors.groupingBy(Chat::workGroupId, Collectors.toUnmodifiableList()));
        this.bureauStaff = bureauStaff.stream().collect(Collectors.toUnmodifiableMap(BureauStaff::userId,
                Function.identity()));
    }

    public static DirectorySnapshot empty() {
        return new DirectorySnapshot(-1, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of());
    }

    /**
     * What of the organisation a console user with this unit scope sees (null: all of it, this snapshot): the units'
     * work groups with their members and chats; the cities those groups work in or the units lead or share, with
     * their lead and co-responsible units; the groups' rounds. No bureau chats, no bureau staff.
     */
    public DirectorySnapshot within(List<Long> unitScope) {
        if (unitScope == null) {
            return this;
        }
        List<WorkGroup> ownGroups = groups.values().stream().filter(g -> unitScope.contains(g.unitId())).toList();
        Set<Long> cityIds = new HashSet<>();
        ownGroups.forEach(g -> cityIds.add(g.cityId()));
        cities.values().stream().filter(c -> unitScope.contains(c.leadUnitId())
                || coUnitsOf(c.id()).stream().anyMatch(unitScope::contains)).forEach(c -> cityIds.add(c.id()));
        List<City> ownCities = cities.values().stream().filter(c -> cityIds.contains(c.id())).toList();
        List<CityCoUnit> ownCoUnits = ownCities.stream()
                .flatMap(c -> coUnitsOf(c.id()).stream().map(u -> new CityCoUnit(c.id(), u))).toList();
        Set<Long> unitIds = new HashSet<>(unitScope);
        ownCities.forEach(c -> unitIds.add(c.leadUnitId()));
        ownCoUnits.forEach(c -> unitIds.add(c.unitId()));
        Set<Long> roundIds = ownGroups.stream().map(WorkGroup::roundId).collect(Collectors.toSet());
        return new DirectorySnapshot(revision,
                units.values().stream().filter(u -> unitIds.contains(u.id())).toList(), ownCities, ownCoUnits,
                rounds.values().stream().filter(r -> roundIds.contains(r.id())).toList(), ownGroups,
                ownGroups.stream().flatMap(g -> membersOf(g.id()).stream()).toList(),
                ownGroups.stream().flatMap(g -> chatsOf(g.id()).stream()).toList(), List.of());
    }

    private static <T> Map<Long, T> byId(List<T> rows, Function<T, Long> id) {
        return rows.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a,
                java.util.LinkedHashMap::new));
    }

    public long revision() {
        return revision;
    }

    public Collection<OrgUnit> units() {
        return units.values();
    }

    public Collection<City> cities() {
        return cities.values();
    }

    public Collection<CampaignRound> rounds() {
        return rounds.values();
    }

    public Collection<WorkGroup> groups() {
        return groups.values();
    }

    public Collection<Chat> chats() {
        return chats.values();
    }

    public Collection<BureauStaff> bureauStaff() {
        return bureauStaff.values();
    }

    public Optional<OrgUnit> unit(Long id) {
        return Optional.ofNullable(id == null ? null : units.get(id));
    }

    public Optional<OrgUnit> unitNamed(String name) {
        return units.values().stream().filter(u -> u.name().equals(name)).findFirst();
    }

    public Optional<City> city(Long id) {
        return Optional.ofNullable(id == null ? null : cities.get(id));
    }

    public Optional<City> cityNamed(String name) {
        return cities.values().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public List<Long> coUnitsOf(long cityId) {
        return coUnitsByCity.getOrDefault(cityId, List.of());
    }

    public Optional<CampaignRound> round(Long id) {
        return Optional.ofNullable(id == null ? null : rounds.get(id));
    }

    public Optional<CampaignRound> roundNamed(String name) {
        return rounds.values().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public Optional<WorkGroup> group(Long id) {
        return Optional.ofNullable(id == null ? null : groups.get(id));
    }

    public Optional<WorkGroup> groupNamed(String roundName, String name) {
        return roundNamed(roundName).flatMap(r -> groups.values().stream()
                .filter(g -> g.roundId().equals(r.id()) && g.name().equals(name)).findFirst());
    }

    /**
     * Groups whose name is exactly, or else contains, the given text. Group names repeat from round to round, so the
     * likeliest come first: groups of a round running on {@code today}, then of the newest round, then the newest.
     */
    public List<WorkGroup> groupsMatching(String text, LocalDate today) {
        Comparator<WorkGroup> likeliestFirst = Comparator
                .comparing((WorkGroup g) -> !rounds.get(g.roundId()).covers(today))
                .thenComparing(g -> rounds.get(g.roundId()).startDate(), Comparator.reverseOrder())
                .thenComparing(WorkGroup::id, Comparator.reverseOrder());
        List<WorkGroup> exact = groups.values().stream().filter(g -> g.name().equals(text)).sorted(likeliestFirst)
                .toList();
        if (!exact.isEmpty()) {
            return exact;
        }
        return groups.values().stream().filter(g -> g.name().contains(text)).sorted(likeliestFirst).toList();
    }

    /**
     * A city's central groups (one per round) of the rounds running on the day, whether or not they report that day;
     * when none runs, those of the city's latest round begun by then.
     */
    public List<WorkGroup> centralGroupsOf(long cityId, LocalDate day) {
        List<WorkGroup> central = groups.values().stream()
                .filter(g -> g.kind() == GroupKind.CENTRAL && Objects.equals(g.cityId(), cityId)).toList();
        List<WorkGroup> running = central.stream().filter(g -> rounds.get(g.roundId()).covers(day))
                .sorted(Comparator.comparing(WorkGroup::id)).toList();
        if (!running.isEmpty()) {
            return running;
        }
        return central.stream().filter(g -> !rounds.get(g.roundId()).startDate().isAfter(day))
                .max(Comparator.comparing((WorkGroup g) -> rounds.get(g.roundId()).startDate())
                        .thenComparing(WorkGroup::id))
                .map(List::of).orElse(List.of());
    }

    public List<GroupMember> membersOf(long groupId) {
        return membersByGroup.getOrDefault(groupId, List.of());
    }

    public List<GroupMember> membershipsOf(String userId) {
        return userId == null ? List.of() : membershipsByUser.getOrDefault(userId, List.of());
    }

    public List<Chat> chatsOf(long groupId) {
        return chatsByGroup.getOrDefault(groupId, List.of());
    }

    public Optional<Chat> chat(Channel channel, String chatId) {
        return Optional.ofNullable(chats.get(new ChatKey(channel, chatId)));
    }

    /** The people a chat reaches as the directory knows them: its work group's members, or the bureau staff. */
    public List<String> peopleIn(Chat chat) {
        if (chat.bureauChat()) {
            return bureauStaff().stream().map(BureauStaff::userId).toList();
        }
        return membersOf(chat.workGroupId()).stream().map(GroupMember::userId).toList();
    }

    public List<Chat> bureauChats() {
        return chats.values().stream().filter(Chat::bureauChat).sorted(Comparator.comparing(Chat::id)).toList();
    }

    public boolean isBureauStaff(String userId) {
        return userId != null && bureauStaff.containsKey(userId);
    }

    /** Units whose 协调联络员 this user is. */
    public List<OrgUnit> unitsCoordinatedBy(String userId) {
        if (userId == null) {
            return List.of();
        }
        return units.values().stream().filter(u -> userId.equals(u.coordinatorUserId())).toList();
    }

    /** The name a user is known by in the directory, if any. */
    public Optional<String> nameOf(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        BureauStaff staff = bureauStaff.get(userId);
        if (staff != null) {
            return Optional.of(staff.name());
        }
        return membershipsOf(userId).stream().map(GroupMember::name).findFirst()
                .or(() -> unitsCoordinatedBy(userId).stream().map(OrgUnit::coordinatorName).findFirst());
    }

    /**
     * The user ids of the people (group members, coordinators, bureau staff) with this name, or, when nobody has
     * exactly this name, whose name contains it; in the order of their ids.
     */
    public List<String> userIdsNamed(String name) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        String wanted = name.strip();
        Map<String, String> people = new TreeMap<>();
        membershipsByUser.forEach((userId, memberships) -> people.put(userId, memberships.get(0).name()));
        units.values().stream().filter(u -> u.coordinatorUserId() != null && u.coordinatorName() != null)
                .forEach(u -> people.putIfAbsent(u.coordinatorUserId(), u.coordinatorName()));
        bureauStaff.values().forEach(p -> people.putIfAbsent(p.userId(), p.name()));
        List<String> exact = people.entrySet().stream().filter(e -> wanted.equals(e.getValue()))
                .map(Map.Entry::getKey).toList();
        return !exact.isEmpty() ? exact : people.entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue().contains(wanted)).map(Map.Entry::getKey).toList();
    }

    public String unitName(Long id) {
        return unit(id).map(OrgUnit::name).orElse(null);
    }

    public String cityName(Long id) {
        return city(id).map(City::name).orElse(null);
    }

    public String roundName(Long id) {
        return round(id).map(CampaignRound::name).orElse(null);
    }

    public String groupName(Long id) {
        return group(id).map(WorkGroup::name).orElse(null);
    }
}
