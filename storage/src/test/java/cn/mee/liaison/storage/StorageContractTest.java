package cn.mee.liaison.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.mee.liaison.storage.deadline.CityFeedback;
import cn.mee.liaison.storage.deadline.DeadlineMapper;
import cn.mee.liaison.storage.deadline.DeadlineRow;
import cn.mee.liaison.storage.deadline.LastReminder;
import cn.mee.liaison.storage.deadline.ReminderSettingRow;
import cn.mee.liaison.storage.deadline.SentReminder;
import cn.mee.liaison.storage.attachment.Attachment;
import cn.mee.liaison.storage.attachment.AttachmentMapper;
import cn.mee.liaison.storage.attachment.AttachmentStatus;
import cn.mee.liaison.storage.audit.AuditEntry;
import cn.mee.liaison.storage.audit.AuditLogMapper;
import cn.mee.liaison.storage.directory.CampaignRound;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.directory.Chat;
import cn.mee.liaison.storage.directory.City;
import cn.mee.liaison.storage.directory.CityCoUnit;
import cn.mee.liaison.storage.directory.DirectoryMapper;
import cn.mee.liaison.storage.directory.GroupKind;
import cn.mee.liaison.storage.directory.GroupMember;
import cn.mee.liaison.storage.directory.MemberRole;
import cn.mee.liaison.storage.directory.OrgUnit;
import cn.mee.liaison.storage.directory.WorkGroup;
import cn.mee.liaison.storage.message.BigramSample;
import cn.mee.liaison.storage.message.ChatType;
import cn.mee.liaison.storage.message.ContentKind;
import cn.mee.liaison.storage.message.FiledMessage;
import cn.mee.liaison.storage.message.FiledMessageMapper;
import cn.mee.liaison.storage.message.MessageQuery;
import cn.mee.liaison.storage.message.RecordType;
import cn.mee.liaison.storage.message.SampledMessage;
import cn.mee.liaison.storage.outbox.MessageFormat;
import cn.mee.liaison.storage.outbox.OutboxMapper;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import cn.mee.liaison.storage.outbox.OutboxStatus;
import cn.mee.liaison.storage.outbox.Purpose;
import cn.mee.liaison.storage.outbox.TargetType;
import cn.mee.liaison.storage.support.MapperBatches;
import cn.mee.liaison.storage.user.ConsoleRole;
import cn.mee.liaison.storage.user.ConsoleUser;
import cn.mee.liaison.storage.user.ConsoleUserMapper;
import cn.mee.liaison.storage.wecom.AccessToken;
import cn.mee.liaison.storage.wecom.AccessTokenMapper;
import cn.mee.liaison.storage.wecom.CallbackNonceMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.ibatis.cursor.Cursor;
import org.junit.jupiter.api.Test;
import cn.mee.liaison.storage.calendar.CalendarDay;
import cn.mee.liaison.storage.calendar.CalendarMapper;
import cn.mee.liaison.storage.calendar.DayKind;
import cn.mee.liaison.storage.dispatch.DailyReportFigures;
import cn.mee.liaison.storage.dispatch.DailyReportRow;
import cn.mee.liaison.storage.dispatch.DailyReportStamp;
import cn.mee.liaison.storage.dispatch.DispatchMapper;
import cn.mee.liaison.storage.dispatch.DispatchPlanRow;
import org.apache.ibatis.session.SqlSessionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.junit.jupiter.api.AfterEach;

/**
 * What the mappers promise, run on every database the bot supports (see the subclasses). Each test runs in a
 * transaction that is rolled back, and names its rows uniquely, so that a shared MySQL test database stays clean.
 */
@SpringBootTest(classes = StorageTestApplication.class)
@Transactional
abstract class StorageContractTest {

    private static final Instant NOW = Instant.parse("2026-11-29T02:30:00.123Z");

    @Autowired
    DirectoryMapper directory;
    @Autowired
    FiledMessageMapper messages;
    @Autowired
    OutboxMapper outbox;
    @Autowired
    ConsoleUserMapper users;
    @Autowired
    AuditLogMapper audit;
    @Autowired
    AccessTokenMapper tokens;
    @Autowired
    CallbackNonceMapper nonces;
    @Autowired
    AttachmentMapper attachments;
    @Autowired
    CalendarMapper calendar;
    @Autowired
    DispatchMapper dispatch;
    @Autowired
    DeadlineMapper deadlines;
    @Autowired
    MapperBatches batches;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SqlSessionFactory sessions;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void theFilingPathsPointWritesRunWithoutAStatementTimeoutTheOthersWithOne() {
        org.apache.ibatis.session.Configuration configuration = sessions.getConfiguration();
        assertThat(List.of("wecom.CallbackNonceMapper.record", "message.FiledMessageMapper.insertRow",
                "message.FiledMessageMapper.claimAnswering", "dispatch.DispatchMapper.retireIfCurrent",
                "dispatch.DispatchMapper.insertReportRow", "outbox.OutboxMapper.insertRow",
                "outbox.OutboxMapper.insertWithoutId"))
                .allSatisfy(id -> assertThat(configuration.getMappedStatement("cn.mee.liaison.storage." + id)
                        .getTimeout()).as(id).isZero());
        assertThat(configuration.getDefaultStatementTimeout()).isEqualTo(30);
        assertThat(configuration.getMappedStatement("cn.mee.liaison.storage.message.FiledMessageMapper.search")
                .getTimeout()).as("a search").isIn(null, 30);
    }

    // --- directory -------------------------------------------------------------------------------------------

    @Test
    void directoryRowsRoundTrip() {
        long unitId = directory.insert(new OrgUnit(null, "中国环境科学研究院" + tag, "coord-" + tag, "王协调"));
        long coUnitId = directory.insert(new OrgUnit(null, "生态环境部环境规划院" + tag, null, null));
        long cityId = directory.insert(new City(null, "保定市" + tag, unitId));
        directory.insertCityCoUnit(new CityCoUnit(cityId, coUnitId));
        long roundId = directory.insert(new CampaignRound(null, "2026年第4轮" + tag,
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31)));
        long groupId = directory.insert(new WorkGroup(null, "保定市中心组", roundId, cityId, unitId, GroupKind.CENTRAL));
        long memberId = directory.insert(new GroupMember(null, groupId, "u-" + tag, "张三", MemberRole.LEADER));
        long chatId = directory.insert(new Chat(null, Channel.SANDBOX, "bd-center-" + tag, groupId, "保定市中心组群",
                null));

        assertThat(directory.findUnits()).contains(
                new OrgUnit(unitId, "中国环境科学研究院" + tag, "coord-" + tag, "王协调"));
        assertThat(directory.findCities()).contains(new City(cityId, "保定市" + tag, unitId));
        assertThat(directory.findCityCoUnits()).contains(new CityCoUnit(cityId, coUnitId));
        assertThat(directory.findRounds()).contains(new CampaignRound(roundId, "2026年第4轮" + tag,
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31)));
        assertThat(directory.findWorkGroups()).contains(
                new WorkGroup(groupId, "保定市中心组", roundId, cityId, unitId, GroupKind.CENTRAL));
        assertThat(directory.findMembers()).contains(
                new GroupMember(memberId, groupId, "u-" + tag, "张三", MemberRole.LEADER));
        assertThat(directory.findChats()).contains(
                new Chat(chatId, Channel.SANDBOX, "bd-center-" + tag, groupId, "保定市中心组群", null));

        directory.updateMember(new GroupMember(memberId, groupId, "u-" + tag, "张三丰", MemberRole.MEMBER));
        directory.updateChat(new Chat(chatId, Channel.SANDBOX, "bd-center-" + tag, null, "执法局群", null));
        directory.deleteCityCoUnit(new CityCoUnit(cityId, coUnitId));
        assertThat(directory.findMembers()).contains(
                new GroupMember(memberId, groupId, "u-" + tag, "张三丰", MemberRole.MEMBER));
        assertThat(directory.findChats()).filteredOn(c -> c.id() == chatId).singleElement()
                .satisfies(c -> assertThat(c.bureauChat()).isTrue());
        assertThat(directory.findCityCoUnits()).doesNotContain(new CityCoUnit(cityId, coUnitId));

        directory.deleteMember(memberId);
        directory.deleteChat(chatId);
        assertThat(directory.findMembers()).extracting(GroupMember::id).doesNotContain(memberId);
        assertThat(directory.findChats()).extracting(Chat::id).doesNotContain(chatId);
    }

    @Test
    void aUnitNameIsUnique() {
        directory.insert(new OrgUnit(null, "重复单位" + tag, null, null));
        assertThatThrownBy(() -> directory.insert(new OrgUnit(null, "重复单位" + tag, null, null)))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void theRevisionIsLockedAndBumped() {
        long before = directory.lockRevision();
        directory.bumpRevision(NOW);
        assertThat(directory.currentRevision()).isEqualTo(before + 1);
    }

    // --- filed messages --------------------------------------------------------------------------------------

    @Test
    void aMessageIsFiledWithEverythingIntact() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("enterprisesChecked", 12);
        fields.put("tomorrowPlan", "继续排查清苑区😀");
        FiledMessage sent = message("m1", "日报：检查企业12家 😀", RecordType.DAILY_REPORT, fields, NOW);
        long id = messages.insert(sent);

        FiledMessage back = messages.findById(id).orElseThrow();
        assertThat(back).isEqualTo(sent.withId(id));
        assertThat(back.fields()).containsEntry("enterprisesChecked", 12)
                .containsEntry("tomorrowPlan", "继续排查清苑区😀");
        assertThat(back.receivedAt()).isEqualTo(NOW);
        assertThat(messages.findByExternalId(Channel.SANDBOX, "m1-" + tag)).contains(back);
        assertThat(messages.findByExternalId(Channel.WECOM_ROBOT, "m1-" + tag)).isEmpty();
    }

    @Test
    void aMessageIsAnsweredOnceAndTheUnansweredAreFound() {
        long id = messages.insert(message("q", "查询 问题", RecordType.COMMAND, Map.of(), NOW), false);
        assertThat(messages.findUnanswered(NOW.plusSeconds(1), 1000)).extracting(FiledMessage::id).contains(id);
        assertThat(messages.findUnanswered(NOW, 1000)).extracting(FiledMessage::id).doesNotContain(id);
        assertThat(messages.claimAnswering(id)).isTrue();
        assertThat(messages.claimAnswering(id)).isFalse();
        assertThat(messages.findUnanswered(NOW.plusSeconds(1), 1000)).extracting(FiledMessage::id)
                .doesNotContain(id);
    }

    @Test
    void theSameExternalIdIsFiledOnlyOnce() {
        messages.insert(message("dup", "收到", RecordType.ACK, Map.of(), NOW));
        assertThatThrownBy(() -> messages.insert(message("dup", "收到", RecordType.ACK, Map.of(), NOW)))
                .isInstanceOf(DuplicateKeyException.class);
    }

    /**
     * The tests of the keyword search commit their messages (and delete them after): on MySQL/MariaDB the FULLTEXT
     * index sees a row only once it is committed, as every search of the running bot does.
     */
    @AfterEach
    void forgetCommittedMessages() {
        jdbc.update("DELETE FROM filed_message WHERE chat_id = ?", "chat-" + tag);
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void searchFiltersByEveryColumnNewestFirst() {
        String chat = "chat-" + tag;
        messages.insert(message("a", "日报 检查企业3家", RecordType.DAILY_REPORT, Map.of(), NOW.minusSeconds(120)));
        messages.insert(message("b", "问题：某厂 100%_露天堆放", RecordType.PROBLEM, Map.of(), NOW.minusSeconds(60)));
        messages.insert(message("c", "收到", RecordType.ACK, Map.of(), NOW));

        MessageQuery inChat = MessageQuery.all().inChat(chat);
        assertThat(messages.search(inChat)).extracting(FiledMessage::externalId)
                .containsExactly("c-" + tag, "b-" + tag, "a-" + tag);
        assertThat(messages.count(inChat)).isEqualTo(3);
        assertThat(messages.countUpTo(inChat, 2)).isEqualTo(2);
        assertThat(messages.countUpTo(inChat, 3)).isEqualTo(3);
        assertThat(messages.countUpTo(inChat, 1_000)).isEqualTo(3);
        assertThat(messages.countUpTo(inChat.ofType(RecordType.PROBLEM), 1)).isEqualTo(1);
        assertThat(messages.search(inChat.ofType(RecordType.PROBLEM))).extracting(FiledMessage::externalId)
                .containsExactly("b-" + tag);
        assertThat(messages.search(inChat.containing("检查企业"))).extracting(FiledMessage::externalId)
                .containsExactly("a-" + tag);
        // LIKE wildcards in the keyword are taken literally
        assertThat(messages.count(inChat.containing("100%_"))).isEqualTo(1);
        assertThat(messages.count(inChat.containing("%"))).isEqualTo(1);
        assertThat(messages.count(inChat.containing("_"))).isEqualTo(1);
        assertThat(messages.search(inChat.page(1, 1))).extracting(FiledMessage::externalId)
                .containsExactly("b-" + tag);

        MessageQuery window = new MessageQuery(chat, null, null, null, null, null, null,
                NOW.minusSeconds(90), NOW, null, null, 0, 10);
        assertThat(messages.search(window)).extracting(FiledMessage::externalId).containsExactly("b-" + tag);
        assertThat(messages.count(inChat.scopedTo(List.of()))).isZero();
        assertThat(messages.count(inChat.scopedTo(List.of(7L)))).isEqualTo(3);
        assertThat(messages.count(inChat.scopedTo(List.of(8L)))).isZero();
        assertThat(messages.countByType(NOW.minusSeconds(60), NOW.plusSeconds(1), null))
                .anySatisfy(c -> {
                    assertThat(c.recordType()).isEqualTo(RecordType.PROBLEM);
                    assertThat(c.total()).isGreaterThanOrEqualTo(1);
                });
        assertThat(messages.countByType(NOW.minusSeconds(60), NOW.plusSeconds(1), List.of(7L)))
                .anySatisfy(c -> assertThat(c.recordType()).isEqualTo(RecordType.PROBLEM));
        assertThat(messages.countByType(NOW.minusSeconds(60), NOW.plusSeconds(1), List.of(-8L))).isEmpty();
        assertThat(messages.countByType(NOW.minusSeconds(60), NOW.plusSeconds(1), List.of())).isEmpty();
        assertThat(messages.findLatestInChat(chat, 2)).extracting(FiledMessage::externalId)
                .containsExactly("c-" + tag, "b-" + tag);
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void theKeywordSearchFindsExactlyWhatLikeFinds() {
        List<String> texts = List.of(
                "日报 今天在清苑区检查企业12家，发现问题3个，明日计划：夜查工业园区",
                "问题 涿州市某化工企业存在VOCs无组织排放问题，活性炭长期未更换",
                "查企检查：先查企业台账，再现场检查", // 检查 and 查企 both there, but never 检查企
                "核查 徐水区砖瓦企业除尘设施破损问题已整改到位",
                "收到",
                "请保定市生态环境局协调雄县配合检查塑料制品企业。",
                "扬尘扬尘扬尘 渣土车未密闭运输",
                "镇上的企业",
                "Ｗｅｅｋｌｙ 报告 VOCs 100%_完成 😀🙂 检查",
                "");
        for (int i = 0; i < texts.size(); i++) {
            // two months, two types
            messages.insert(message("s" + i, texts.get(i), i % 3 == 0 ? RecordType.PROBLEM : RecordType.CHAT,
                    Map.of(), NOW.minus(i % 2 == 0 ? 0 : 40, ChronoUnit.DAYS).minusSeconds(i)));
        }
        // the newest, for the keyword statistics' sample: text and type as filed
        assertThat(messages.newestMessages(2)).containsExactly(new SampledMessage("", "PROBLEM"),
                new SampledMessage(texts.get(8), "CHAT"));
        assertThat(messages.firstReceived()).isBeforeOrEqualTo(NOW.minus(40, ChronoUnit.DAYS).minusSeconds(9));
        assertThat(messages.lastReceived()).isAfterOrEqualTo(NOW);
        // the test's messages fit in MariaDB's pool; H2 has no FULLTEXT to tune
        boolean h2 = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()).toLowerCase()
                .contains("h2");
        assertThat(messages.poolHoldsMessages()).isEqualTo(!h2);
        // filed again under another type: its type tag follows
        long reread = messages.findByExternalId(Channel.SANDBOX, "s1-" + tag).orElseThrow().id();
        messages.reclassify(reread, RecordType.DAILY_REPORT, Map.of("enterprisesChecked", 12));
        List<String> keywords = List.of("检查", "检查企", "检查企业", "查企", "企业", "问题", "清苑区检查企业12家",
                "VOCs无组织", "VOCs", "vocs", "无组织排放", "活性炭长期未更换", "整改到位", "扬尘", "扬尘扬尘",
                "渣土车", "镇", "镇上", "上的企", "生态环境局协调", "收", "收到", "100%_", "😀", "检查 企业", "不存在的词",
                "保定市 生态", "配合检查塑料");
        MessageQuery inChat = MessageQuery.all().inChat("chat-" + tag).page(0, 100);
        // the filters of the tags: type, unit, city, group, the unit scope, a window of days within one month, one
        // across months
        List<MessageQuery> filtered = List.of(inChat, inChat.ofType(RecordType.PROBLEM),
                inChat.ofType(RecordType.DAILY_REPORT), inChat.ofType(RecordType.CHAT),
                new MessageQuery("chat-" + tag, 3L, 7L, 5L, 2L, RecordType.CHAT, null, null, null, null, null, 0, 100),
                new MessageQuery("chat-" + tag, 4L, null, null, null, null, null, null, null, null, null, 0, 100),
                new MessageQuery("chat-" + tag, null, 8L, null, null, null, null, null, null, null, null, 0, 100),
                inChat.scopedTo(List.of(7L, 9L)), inChat.scopedTo(List.of(9L)),
                new MessageQuery("chat-" + tag, null, null, null, null, null, null, NOW.minusSeconds(3600),
                        NOW.plusSeconds(1), null, null, 0, 100),
                new MessageQuery("chat-" + tag, null, null, null, null, null, null, NOW.minus(45, ChronoUnit.DAYS),
                        NOW.minus(35, ChronoUnit.DAYS), null, null, 0, 100),
                new MessageQuery("chat-" + tag, null, null, null, null, RecordType.PROBLEM, null,
                        NOW.minus(60, ChronoUnit.DAYS), NOW.plusSeconds(1), null, null, 0, 100),
                // the pairs: a unit or city in a window, with a type, both
                new MessageQuery("chat-" + tag, null, 7L, null, null, null, null, NOW.minus(45, ChronoUnit.DAYS),
                        NOW.plusSeconds(1), null, null, 0, 100),
                new MessageQuery("chat-" + tag, null, null, 5L, null, RecordType.PROBLEM, null, null, null, null,
                        null, 0, 100),
                new MessageQuery("chat-" + tag, null, 7L, 5L, null, RecordType.DAILY_REPORT, null,
                        NOW.minus(60, ChronoUnit.DAYS), NOW.plusSeconds(1), null, null, 0, 100),
                new MessageQuery("chat-" + tag, null, 8L, null, null, RecordType.CHAT, null,
                        NOW.minus(45, ChronoUnit.DAYS), NOW.minus(35, ChronoUnit.DAYS), null, null, 0, 100));
        // what the index is asked for depends on how common the words are: the same results whatever it is asked
        Instant yearBefore = NOW.minus(365, ChronoUnit.DAYS);
        BigramSample everyWordRare = BigramSample.of(sampled(List.of("无关的话")), 1_000_000, yearBefore, NOW, false);
        BigramSample everyWordCommon = BigramSample.of(sampled(texts), 1_000_000, yearBefore, NOW, true);
        BigramSample someWordsCommon = BigramSample.of(sampled(texts.subList(0, 3)), 5_000, yearBefore, NOW, false);
        for (MessageQuery filter : filtered) {
            for (String keyword : keywords) {
                // what the filter finds, of which the database's own LIKE keeps (its collation decides the case)
                List<String> matching = jdbc.queryForList("SELECT external_id FROM filed_message WHERE chat_id = ? "
                        + "AND text LIKE ? ESCAPE '!'", String.class, "chat-" + tag, filter.containing(keyword)
                                .textPattern());
                List<String> like = messages.search(filter.page(0, 100)).stream().map(FiledMessage::externalId)
                        .filter(matching::contains).toList();
                for (BigramSample sample : Arrays.asList(null, everyWordRare, everyWordCommon, someWordsCommon)) {
                    MessageQuery q = filter.containing(keyword).sampled(sample);
                    String as = keyword + " in " + filter + " asking " + q.searchQuery();
                    assertThat(messages.search(q)).extracting(FiledMessage::externalId).as(as)
                            .containsExactlyElementsOf(like);
                    assertThat(messages.count(q)).as(as).isEqualTo(like.size());
                    assertThat(messages.countUpTo(q, 2)).as(as + ", counted up to 2")
                            .isEqualTo(Math.min(like.size(), 2));
                }
                // in time order, without the index
                assertThat(messages.searchInOrder(filter.containing(keyword), 1_000_000))
                        .extracting(FiledMessage::externalId).as(keyword + " in " + filter + ", in order")
                        .containsExactlyElementsOf(like);
            }
        }
        for (String keyword : keywords) {
            List<String> like = jdbc.queryForList("SELECT external_id FROM filed_message WHERE chat_id = ? AND text "
                    + "LIKE ? ESCAPE '!' ORDER BY received_at DESC, id DESC", String.class, "chat-" + tag,
                    inChat.containing(keyword).textPattern());
            assertThat(messages.search(inChat.containing(keyword))).extracting(FiledMessage::externalId)
                    .as(keyword).containsExactlyElementsOf(like);
        }
        assertThat(messages.count(inChat.ofType(RecordType.DAILY_REPORT).containing("活性炭"))).isEqualTo(1);
        assertThat(messages.count(inChat.ofType(RecordType.CHAT).containing("活性炭"))).isZero();
        // on MySQL/MariaDB the index alone finds 查企检查… for 检查企 (both bigrams, apart): LIKE keeps it out above
        String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        if (!product.toLowerCase().contains("h2")) {
            assertThat(jdbc.queryForList("SELECT external_id FROM filed_message WHERE chat_id = ? AND "
                    + "MATCH (search_text) AGAINST (? IN BOOLEAN MODE)", String.class, "chat-" + tag,
                    inChat.containing("检查企").searchQuery())).contains("s2-" + tag, "s0-" + tag);
        }
        // a read in time order walks the index of its most selective filter (forced on MariaDB): each finds the same
        MessageQuery word = MessageQuery.all().containing("检查");
        for (MessageQuery q : List.of(word.inChat("chat-" + tag), word, word.ofType(RecordType.DAILY_REPORT),
                new MessageQuery(null, 3L, null, null, null, null, null, null, null, "检查", null, 0, 100),
                new MessageQuery(null, null, 7L, null, null, null, null, null, null, "检查", null, 0, 100),
                new MessageQuery(null, null, null, 5L, null, null, null, null, null, "检查", null, 0, 100),
                new MessageQuery(null, null, null, null, null, null, "u1", null, null, "检查", null, 0, 100))) {
            assertThat(messages.searchInOrder(q, 1_000_000)).as(q.timeOrderIndex())
                    .extracting(FiledMessage::id).containsExactlyElementsOf(
                            messages.search(q).stream().map(FiledMessage::id).toList());
            // and the rows it walks there are counted from that index, no further than asked
            long walked = messages.count(q.timeOrderRange());
            assertThat(walked).as(q.timeOrderIndex()).isGreaterThanOrEqualTo(messages.count(q));
            assertThat(messages.countTimeOrderRangeUpTo(q.timeOrderRange(), 1_000_000)).isEqualTo(walked);
            assertThat(messages.countTimeOrderRangeUpTo(q.timeOrderRange(), 2)).isEqualTo(Math.min(walked, 2));
        }
        // a read in time order stopped after a few rows gives the first of the page found so far, or fails
        // (MariaDB: LIMIT ROWS EXAMINED; a sort fails rather than give what it has)
        if (!product.toLowerCase().contains("h2")) {
            List<String> all = messages.search(inChat.containing("检查")).stream().map(FiledMessage::externalId)
                    .toList();
            try {
                List<String> first = messages.searchInOrder(inChat.containing("检查"), 2).stream()
                        .map(FiledMessage::externalId).toList();
                assertThat(all).startsWith(first.toArray(String[]::new));
            } catch (org.springframework.dao.DataAccessException stopped) {
                assertThat(stopped).hasMessageContaining("ROWS EXAMINED");
            }
        }
        // and the index text is what the search relies on
        assertThat(jdbc.queryForObject("SELECT search_text FROM filed_message WHERE external_id = ?", String.class,
                "s6-" + tag)).isEqualTo("扬尘_ 尘扬_ 渣土_ 土车_ 车未_ 未密_ 密闭_ 闭运_ 运输_ zu7 zc5 zg3 zm202611 ztproblem "
                + "ztproblem202611 zu7m202611 zc5m202611 zu7ztproblem zc5ztproblem");
        // filed again under another type: the type in every tag follows
        assertThat(jdbc.queryForObject("SELECT search_text FROM filed_message WHERE id = ?", String.class, reread))
                .endsWith(" ztdaily_report ztdaily_report202610 zu7m202610 zc5m202610 zu7ztdaily_report "
                        + "zc5ztdaily_report");
    }

    @Test
    void exportsStreamTheFilteredSet() throws Exception {
        for (int i = 0; i < 25; i++) {
            messages.insert(message("s" + i, "消息" + i, RecordType.CHAT, Map.of(), NOW.plusSeconds(i)));
        }
        List<String> streamed = new ArrayList<>();
        try (Cursor<FiledMessage> cursor = messages.stream(MessageQuery.all().inChat("chat-" + tag))) {
            cursor.forEach(m -> streamed.add(m.text()));
        }
        assertThat(streamed).hasSize(25).startsWith("消息24", "消息23").endsWith("消息0");
    }

    // --- outbox ----------------------------------------------------------------------------------------------

    @Test
    void dueRowsAreClaimedSentOrRetried() {
        long first = outbox.insert(pending("first", NOW));
        long later = outbox.insert(pending("later", NOW.plusSeconds(600)));

        List<Long> due = outbox.lockDueAmong(List.of(first, later), NOW);
        assertThat(due).containsExactly(first);
        outbox.claim(due, "worker-a", NOW.plusSeconds(30));
        OutboxMessage claimed = outbox.findById(first).orElseThrow();
        assertThat(claimed.status()).isEqualTo(OutboxStatus.SENDING);
        assertThat(claimed.attempts()).isEqualTo(1);

        // another worker cannot finish a row it does not hold
        assertThat(outbox.markSent(first, "worker-b", NOW)).isFalse();
        assertThat(outbox.markRetry(first, "worker-a", NOW.plusSeconds(5), "45009 api freq out of limit")).isTrue();
        assertThat(outbox.findById(first).orElseThrow())
                .extracting(OutboxMessage::status, OutboxMessage::lastError)
                .containsExactly(OutboxStatus.PENDING, "45009 api freq out of limit");
        assertThat(outbox.lockDueAmong(List.of(first), NOW)).isEmpty();
        assertThat(outbox.lockDueAmong(List.of(first), NOW.plusSeconds(5))).containsExactly(first);

        outbox.claim(List.of(first), "worker-a", NOW.plusSeconds(35));
        assertThat(outbox.markSent(first, "worker-a", NOW.plusSeconds(6))).isTrue();
        OutboxMessage sent = outbox.findById(first).orElseThrow();
        assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(sent.sentAt()).isEqualTo(NOW.plusSeconds(6));
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.lastError()).isNull();
    }

    @Test
    void aClaimWhoseWorkerDiedBecomesDueAgain() {
        long id = outbox.insert(pending("orphan", NOW));
        outbox.claim(List.of(id), "dead-worker", NOW.plusSeconds(30));
        assertThat(outbox.lockDueAmong(List.of(id), NOW.plusSeconds(29))).isEmpty();
        assertThat(outbox.lockDueAmong(List.of(id), NOW.plusSeconds(31))).containsExactly(id);
        assertThat(outbox.lockDue(NOW.plusSeconds(31), 1000)).contains(id);
    }

    @Test
    void aTargetsTranscriptIsInSendingOrder() {
        String target = "chat-" + tag;
        long a = outbox.insert(pending("甲", NOW));
        long b = outbox.insert(pending("乙", NOW));
        outbox.claim(List.of(a, b), "w", NOW.plusSeconds(30));
        outbox.markSent(b, "w", NOW.plusSeconds(1));
        outbox.markSent(a, "w", NOW.plusSeconds(2));
        assertThat(outbox.findSentTo(Channel.SANDBOX, TargetType.CHAT, target, null, 10)).extracting(OutboxMessage::content)
                .containsExactly("乙", "甲");
        assertThat(outbox.findSentTo(Channel.SANDBOX, TargetType.CHAT, target, NOW.plusSeconds(2), 10))
                .extracting(OutboxMessage::content).containsExactly("甲");
        assertThat(outbox.markFailed(a, "w", "late")).isFalse();
    }

    @Test
    void aLongTranscriptGivesItsNewestLinesOldestFirst() {
        String target = "chat-" + tag;
        long a = outbox.insert(pending("一", NOW));
        long b = outbox.insert(pending("二", NOW));
        long c = outbox.insert(pending("三", NOW));
        outbox.claim(List.of(a, b, c), "w", NOW.plusSeconds(30));
        outbox.markSent(a, "w", NOW.plusSeconds(1));
        outbox.markSent(b, "w", NOW.plusSeconds(2));
        outbox.markSent(c, "w", NOW.plusSeconds(3));
        assertThat(outbox.findSentTo(Channel.SANDBOX, TargetType.CHAT, target, null, 2))
                .extracting(OutboxMessage::content).containsExactly("二", "三");
    }

    @Test
    void manyRowsAreAddedAsOneBatchInTheTransactionInOrder() {
        String target = "chat-" + tag;
        batches.run(OutboxMapper.class, batch -> List.of(pending("丙", NOW), pending("丁", NOW).withContent("丁", "u1,u2"))
                .forEach(batch::insertWithoutId));
        List<OutboxMessage> added = outbox.findByIds(outbox.lockDue(NOW, 1000)).stream()
                .filter(m -> m.targetId().equals(target)).toList();
        assertThat(added).extracting(OutboxMessage::content, OutboxMessage::mentions, OutboxMessage::status)
                .containsExactly(tuple("丙", null, OutboxStatus.PENDING), tuple("丁", "u1,u2", OutboxStatus.PENDING));
        assertThat(added.get(0).id()).isLessThan(added.get(1).id());
    }

    @Test
    void aBatchReportsAConflictAsSpringDoes() {
        assertThatThrownBy(() -> batches.run(CallbackNonceMapper.class, batch -> {
            batch.record("ROBOT", "batch-" + tag, 1409659589L, NOW);
            batch.record("ROBOT", "batch-" + tag, 1409659589L, NOW);
        })).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void aBatchOnlyJoinsATransaction() {
        assertThatThrownBy(() -> batches.run(OutboxMapper.class, batch -> batch.insertWithoutId(pending("戊", NOW))))
                .isInstanceOf(IllegalStateException.class);
    }

    // --- WeCom: shared tokens, nonces, attachments ------------------------------------------------------------

    @Test
    void aSharedTokenIsLockedStoredAndExpiredOnlyIfStillTheSame() {
        String app = "corp-" + tag + ":1000002";
        tokens.ensure(app);
        tokens.ensure(app);
        assertThat(tokens.lock(app)).isEqualTo(new AccessToken(app, null, null, null));
        tokens.store(app, "token-1", NOW.plusSeconds(7200), NOW);
        assertThat(tokens.find(app)).contains(new AccessToken(app, "token-1", NOW.plusSeconds(7200), NOW));
        assertThat(tokens.find(app).orElseThrow().usableAt(NOW.plusSeconds(7199))).isTrue();
        assertThat(tokens.expire(app, "token-0", NOW)).isZero();
        assertThat(tokens.expire(app, "token-1", NOW)).isEqualTo(1);
        assertThat(tokens.find(app).orElseThrow().usableAt(NOW)).isFalse();
    }

    @Test
    void aCallbackNonceIsRecordedOnceUntilForgotten() {
        nonces.record("ROBOT", "n-" + tag, 1409659589L, NOW);
        assertThatThrownBy(() -> nonces.record("ROBOT", "n-" + tag, 1409659589L, NOW))
                .as("the same nonce again: a replay").isInstanceOf(DuplicateKeyException.class);
        nonces.record("APP", "n-" + tag, 1409659589L, NOW); // each door has its own
        nonces.record("ROBOT", "n-" + tag, 1409659590L, NOW); // and each timestamp
        assertThat(nonces.forgetBefore(NOW.plusSeconds(1))).isGreaterThanOrEqualTo(3);
        nonces.record("ROBOT", "n-" + tag, 1409659589L, NOW.plusSeconds(2)); // forgotten: may be recorded again
        assertThat(nonces.forgetBefore(NOW.plusSeconds(3))).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anAttachmentIsClaimedAndStoredOrRetried() {
        long messageId = messages.insert(message("pic", "", RecordType.CHAT, Map.of(), NOW));
        long id = attachments.insert(Attachment.pending(messageId, "IMAGE", "https://example/pic", "robot", null,
                NOW));
        assertThat(attachments.lockDue(NOW, 1000)).contains(id);
        attachments.claim(List.of(id), "w", NOW.plusSeconds(60));
        assertThat(attachments.findById(id).orElseThrow().status()).isEqualTo(AttachmentStatus.FETCHING);
        assertThat(attachments.markRetry(id, "w", NOW.plusSeconds(5), "timeout")).isTrue();
        attachments.claim(List.of(id), "w", NOW.plusSeconds(60));
        assertThat(attachments.markStored(id, "other", "a.jpg", "image/jpeg", 3, "abc", "x/a.jpg", NOW)).isFalse();
        assertThat(attachments.markStored(id, "w", "a.jpg", "image/jpeg", 3, "abc", "x/a.jpg", NOW)).isTrue();
        assertThat(attachments.findByMessage(messageId)).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(AttachmentStatus.STORED);
            assertThat(a.storedPath()).isEqualTo("x/a.jpg");
            assertThat(a.attempts()).isEqualTo(2);
            assertThat(a.fileName()).isEqualTo("a.jpg");
        });
    }

    // --- users and audit -------------------------------------------------------------------------------------

    @Test
    void consoleUsersAndTheAuditLog() {
        String name = "user-" + tag;
        long id = users.insert(new ConsoleUser(null, name, "{bcrypt}x", "李四", ConsoleRole.BUREAU_STAFF, null, true,
                NOW));
        assertThat(users.findByUsername(name)).contains(
                new ConsoleUser(id, name, "{bcrypt}x", "李四", ConsoleRole.BUREAU_STAFF, null, true, NOW));
        users.updatePassword(name, "{bcrypt}y");
        assertThat(users.findByUsername(name).orElseThrow().passwordHash()).isEqualTo("{bcrypt}y");

        audit.insert(new AuditEntry(null, NOW, name, "EXPORT", "messages", "{\"rows\":3}"));
        assertThat(audit.find("EXPORT", name, NOW.minusSeconds(1), NOW.plusSeconds(1), 0, 10))
                .singleElement().satisfies(e -> {
                    assertThat(e.target()).isEqualTo("messages");
                    assertThat(e.at()).isEqualTo(NOW);
                });
        assertThat(audit.count("EXPORT", name, null, null)).isEqualTo(1);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    // --- calendar and daily dispatch -------------------------------------------------------------------------------

    @Test
    void calendarDaysAreAddedIfMissingReplacedAndRemoved() {
        LocalDate day = LocalDate.of(2099, 10, 1);
        CalendarDay holiday = new CalendarDay(day, DayKind.HOLIDAY, "国庆节", "bundled:cn-2099.csv", "system", NOW);
        assertThat(calendar.insertIfMissing(holiday)).isEqualTo(1);
        assertThat(calendar.insertIfMissing(new CalendarDay(day, DayKind.WORKDAY, "x", "file", "system", NOW)))
                .as("a bundled file never overrides").isZero();
        assertThat(calendar.findBetween(day, day)).containsExactly(holiday);

        CalendarDay edited = new CalendarDay(day, DayKind.WORKDAY, "调休上班", "console", "admin", NOW.plusSeconds(60));
        calendar.upsert(edited);
        calendar.upsert(new CalendarDay(day.plusDays(9), DayKind.WORKDAY, null, "console", "admin", NOW));
        assertThat(calendar.findBetween(day, day.plusDays(30))).extracting(CalendarDay::day, CalendarDay::kind,
                CalendarDay::name).containsExactly(tuple(day, DayKind.WORKDAY, "调休上班"),
                tuple(day.plusDays(9), DayKind.WORKDAY, null));
        assertThat(calendar.findAll()).contains(edited);
        assertThat(calendar.delete(day)).isEqualTo(1);
        assertThat(calendar.delete(day)).isZero();
        assertThat(calendar.findBetween(day, day)).isEmpty();
    }

    @Test
    void aDispatchPlanIsStoredAndReplacedByItsKey() {
        String key = "round:" + tag;
        dispatch.upsertPlan(new DispatchPlanRow(null, key, 9L, null, true, "[]", "17:00", "19:00,20:30", "21:00",
                "WORKDAYS", "admin", NOW));
        dispatch.upsertPlan(new DispatchPlanRow(null, key, 9L, "CENTRAL", false, "[{}]", "16:00", "", "22:00",
                "EVERY_DAY", "staff", NOW));
        assertThat(dispatch.findPlans()).filteredOn(p -> p.planKey().equals(key)).singleElement().satisfies(p -> {
            assertThat(p.groupKind()).isEqualTo("CENTRAL");
            assertThat(p.enabled()).isFalse();
            assertThat(p.promptAt()).isEqualTo("16:00");
            assertThat(p.reminders()).isEmpty();
            assertThat(p.daysRule()).isEqualTo("EVERY_DAY");
            assertThat(p.updatedBy()).isEqualTo("staff");
        });
        assertThat(dispatch.deletePlan(key)).isEqualTo(1);
        assertThat(dispatch.deletePlan(key)).isZero();
    }

    @Test
    void aGroupHasOneCurrentReportADayAndKeepsTheEarlierOnes() {
        LocalDate day = LocalDate.of(2099, 10, 13);
        long group = Math.abs(tag.hashCode()) + 1_000_000L;
        DailyReportRow first = new DailyReportRow(null, day, group, 11L, "u1", "张三", NOW, false,
                Map.of("enterprisesChecked", 12L, "tomorrowPlan", "继续"), "", true);
        long firstId = dispatch.insertCurrent(first);
        assertThatThrownBy(() -> dispatch.insertCurrent(first)).as("two current reports of a day")
                .isInstanceOf(DuplicateKeyException.class);

        assertThat(dispatch.retire(day, group)).isEqualTo(1);
        assertThat(dispatch.retire(day, group)).as("nothing current left to retire").isZero();
        long secondId = dispatch.insertCurrent(new DailyReportRow(null, day, group, 12L, "u2", "李四",
                NOW.plusSeconds(600), true, Map.of("enterprisesChecked", 13L), "tomorrowPlan", true));
        dispatch.insertCurrent(new DailyReportRow(null, day.plusDays(1), group, 13L, "u1", "张三", NOW.plusSeconds(86_400),
                false, Map.of(), "", true));

        assertThat(dispatch.currentOn(day)).filteredOn(r -> r.workGroupId() == group).singleElement()
                .satisfies(r -> {
                    assertThat(r.id()).isEqualTo(secondId);
                    assertThat(r.late()).isTrue();
                    assertThat(r.reporterName()).isEqualTo("李四");
                    assertThat(r.submittedAt()).isEqualTo(NOW.plusSeconds(600));
                    assertThat(r.fields()).containsEntry("enterprisesChecked", 13);
                    assertThat(r.missing()).isEqualTo("tomorrowPlan");
                });
        assertThat(dispatch.historyOf(day, group)).extracting(DailyReportRow::id, DailyReportRow::current)
                .containsExactly(tuple(secondId, true), tuple(firstId, false));
        assertThat(dispatch.currentBetween(day, day.plusDays(1))).filteredOn(r -> r.workGroupId() == group)
                .extracting(DailyReportRow::reportDate).containsExactly(day, day.plusDays(1));
    }

    @Test
    void aReportIsRetiredByItsIdOnlyWhileItIsStillTheCurrentOne() {
        LocalDate day = LocalDate.of(2099, 10, 14);
        long group = Math.abs(tag.hashCode()) + 3_000_000L;
        String key = DispatchMapper.currentKey(day, group);
        assertThat(dispatch.retireIfCurrent(key, 1L)).as("no report yet").isZero();
        long firstId = dispatch.insertCurrent(new DailyReportRow(null, day, group, 31L, "u1", "张三", NOW, false,
                Map.of("enterprisesChecked", 1L), "", true));

        assertThat(dispatch.retireIfCurrent(key, firstId + 1_000)).as("another id").isZero();
        assertThat(dispatch.currentByKey(key).id()).isEqualTo(firstId);
        assertThat(dispatch.retireIfCurrent(DispatchMapper.currentKey(day.plusDays(1), group), firstId))
                .as("another day's key").isZero();

        assertThat(dispatch.retireIfCurrent(key, firstId)).isEqualTo(1);
        assertThat(dispatch.retireIfCurrent(key, firstId)).as("retired already").isZero();
        long secondId = dispatch.insertCurrent(new DailyReportRow(null, day, group, 32L, "u1", "张三",
                NOW.plusSeconds(60), false, Map.of("enterprisesChecked", 2L), "", true));
        assertThat(dispatch.retireIfCurrent(key, firstId)).as("an earlier report, not current").isZero();
        assertThat(dispatch.currentByKey(key).id()).isEqualTo(secondId);
        assertThat(dispatch.historyOf(day, group)).extracting(DailyReportRow::id, DailyReportRow::current)
                .containsExactly(tuple(secondId, true), tuple(firstId, false));
    }

    @Test
    void aDaysStampChangesWithEveryReportFiledForItAndTheFiguresAreTheCurrentReports() {
        LocalDate day = LocalDate.of(2099, 10, 20);
        long group = Math.abs(tag.hashCode()) + 2_000_000L;
        DailyReportStamp before = stampOf(day);
        long firstId = dispatch.insertCurrent(new DailyReportRow(null, day, group, 21L, "u1", "张三", NOW, false,
                Map.of("enterprisesChecked", 12L, "tomorrowPlan", "继续"), "", true));
        DailyReportStamp first = stampOf(day);
        assertThat(first).isNotEqualTo(before);
        assertThat(first.rows()).isEqualTo(before.rows() + 1);
        assertThat(first.lastId()).isEqualTo(firstId);

        dispatch.retire(day, group);
        long secondId = dispatch.insertCurrent(new DailyReportRow(null, day, group, 22L, "u1", "张三",
                NOW.plusSeconds(60), true, Map.of("enterprisesChecked", 13L), "", true));
        assertThat(stampOf(day)).isEqualTo(new DailyReportStamp(day, first.rows() + 1, secondId));
        assertThat(dispatch.stampsBetween(day.plusDays(1), day.plusDays(2))).as("days without reports").isEmpty();

        List<DailyReportFigures> figures = new ArrayList<>();
        dispatch.figuresBetween(day, day, read -> figures.add(read.getResultObject()));
        assertThat(figures).filteredOn(f -> f.workGroupId() == group).singleElement()
                .satisfies(f -> {
                    assertThat(f.reportDate()).isEqualTo(day);
                    assertThat(f.late()).isTrue();
                    assertThat(f.fieldsJson()).isEqualTo("{\"enterprisesChecked\":13}");
                });
    }

    /** A sample of these texts as filed in the keyword test: every third a problem. */
    private static List<SampledMessage> sampled(List<String> texts) {
        List<SampledMessage> sampled = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            sampled.add(new SampledMessage(texts.get(i), i % 3 == 0 ? "PROBLEM" : "CHAT"));
        }
        return sampled;
    }

    private DailyReportStamp stampOf(LocalDate day) {
        List<DailyReportStamp> stamps = dispatch.stampsBetween(day, day);
        assertThat(stamps).hasSizeLessThanOrEqualTo(1);
        return stamps.isEmpty() ? DailyReportStamp.none(day) : stamps.get(0);
    }

    @Test
    void eachStageOfADayIsMarkedOnce() {
        LocalDate day = LocalDate.of(2099, 10, 14);
        String plan = "default-" + tag;
        dispatch.markStage(day, plan, "PROMPT", NOW);
        dispatch.markStage(day, plan, "REMIND@19:00", NOW);
        assertThatThrownBy(() -> dispatch.markStage(day, plan, "PROMPT", NOW))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(dispatch.stagesDone(day, plan)).containsExactlyInAnyOrder("PROMPT", "REMIND@19:00");
        assertThat(dispatch.stagesDone(day.plusDays(1), plan)).isEmpty();
    }

    @Test
    void aMessageIsFiledAgainUnderItsBetterReading() {
        long id = messages.insert(message("re", "检查企业3家，夜查2次", RecordType.CHAT, Map.of(), NOW));
        messages.reclassify(id, RecordType.DAILY_REPORT, Map.of("enterprisesChecked", 3L, "item1", 2L));
        assertThat(messages.findById(id)).hasValueSatisfying(m -> {
            assertThat(m.recordType()).isEqualTo(RecordType.DAILY_REPORT);
            assertThat(m.fields()).containsEntry("item1", 2);
        });
    }

    // --- deadlines -------------------------------------------------------------------------------------------

    @Test
    void aComputedDeadlineIsStoredOnceAndClosedOnce() {
        String key = "QUARTERLY_REPORT|单位" + tag + "|2099Q4";
        DeadlineRow row = new DeadlineRow(null, key, "QUARTERLY_REPORT", "2099年度工作进展书面报告",
                LocalDate.of(2099, 12, 31), null, null, null, "OPEN", null, null, null, null, "rules", NOW);
        assertThat(deadlines.insertIfMissing(row)).isEqualTo(1);
        assertThat(deadlines.insertIfMissing(row)).as("a second computation adds nothing").isZero();
        DeadlineRow stored = deadlines.findByKey(key).orElseThrow();
        assertThat(deadlines.findByKeys(List.of(key, "nothing-" + tag))).extracting(DeadlineRow::id)
                .containsExactly(stored.id());
        assertThat(deadlines.findDueBetween(LocalDate.of(2099, 12, 31), LocalDate.of(2099, 12, 31)))
                .extracting(DeadlineRow::key).contains(key);
        assertThat(deadlines.lockByIds(List.of(stored.id(), -1L))).singleElement()
                .satisfies(r -> assertThat(r.createdAt()).isEqualTo(NOW));

        deadlines.snooze(stored.id(), NOW.plusSeconds(3600));
        assertThat(deadlines.findById(stored.id()).orElseThrow().snoozedUntil()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(deadlines.markDone(stored.id(), NOW, "chat:u1", "已报送")).isTrue();
        assertThat(deadlines.markDone(stored.id(), NOW.plusSeconds(60), "admin", "again")).isFalse();
        assertThat(deadlines.findById(stored.id()).orElseThrow()).satisfies(r -> {
            assertThat(r.done()).isTrue();
            assertThat(r.doneBy()).isEqualTo("chat:u1");
            assertThat(r.doneAt()).isEqualTo(NOW);
        });
    }

    @Test
    void eachReminderIsClaimedOnce() {
        long id = deadlines.insert(new DeadlineRow(null, "CUSTOM|" + tag, "CUSTOM", "自定义" + tag,
                LocalDate.of(2099, 1, 10), null, null, null, "OPEN", null, null, null, null, "admin", NOW));
        Instant at = Instant.parse("2099-01-03T01:00:00Z");
        batches.run(DeadlineMapper.class, batch -> {
            batch.claimReminder(new SentReminder(id, at, "REMIND", NOW));
            batch.claimReminder(new SentReminder(id, at, "ESCALATE", NOW));
        });
        assertThatThrownBy(() -> deadlines.claimReminder(new SentReminder(id, at, "REMIND", NOW.plusSeconds(1))))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(deadlines.remindersSent(id, "REMIND")).containsExactly(at);

        Instant later = Instant.parse("2099-01-09T01:00:00Z");
        deadlines.claimReminder(new SentReminder(id, later, "REMIND", NOW.plusSeconds(600)));
        assertThat(deadlines.remindersOf(id)).containsExactly(new SentReminder(id, at, "ESCALATE", NOW),
                new SentReminder(id, at, "REMIND", NOW), new SentReminder(id, later, "REMIND", NOW.plusSeconds(600)));
        long silent = deadlines.insert(new DeadlineRow(null, "CUSTOM|silent-" + tag, "CUSTOM", "无提醒" + tag,
                LocalDate.of(2099, 1, 10), null, null, null, "OPEN", null, null, null, null, "admin", NOW));
        assertThat(deadlines.remindersAmong(List.of(id, silent), later))
                .as("the claims of many deadlines at once, from an instant on")
                .containsExactly(new SentReminder(id, later, "REMIND", NOW.plusSeconds(600)));
        assertThat(deadlines.remindersOfDueBetween(LocalDate.of(2099, 1, 10), LocalDate.of(2099, 1, 10), later))
                .as("the claims of every deadline due in a range, from an instant on")
                .containsExactly(new SentReminder(id, later, "REMIND", NOW.plusSeconds(600)));
        assertThat(deadlines.remindersOfDueBetween(LocalDate.of(2099, 1, 11), LocalDate.of(2099, 2, 1), at)).isEmpty();
        assertThat(deadlines.lastReminders(List.of(id, silent)))
                .as("the latest sent of each deadline reminded, none for one never reminded")
                .containsExactly(new LastReminder(id, NOW.plusSeconds(600)));
    }

    @Test
    void feedbackMeetingsAndReminderSettings() {
        long cityId = 900_000L + Math.abs(tag.hashCode() % 100_000);
        deadlines.insertFeedback(new CityFeedback(null, cityId, LocalDate.of(2099, 3, 1), "第一次", "admin", null, NOW));
        deadlines.insertFeedback(new CityFeedback(null, cityId, LocalDate.of(2099, 5, 1), null, "admin", null, NOW));
        assertThatThrownBy(() -> deadlines.insertFeedback(new CityFeedback(null, cityId, LocalDate.of(2099, 3, 1),
                "again", "admin", null, NOW))).isInstanceOf(DuplicateKeyException.class);
        assertThat(deadlines.feedbacksOf(cityId)).extracting(CityFeedback::heldOn)
                .containsExactly(LocalDate.of(2099, 3, 1), LocalDate.of(2099, 5, 1));
        assertThat(deadlines.latestFeedback(cityId)).hasValueSatisfying(f ->
                assertThat(f.heldOn()).isEqualTo(LocalDate.of(2099, 5, 1)));

        String key = "unit:" + cityId;
        deadlines.upsertSetting(new ReminderSettingRow(key, "7,1", "08:30", "admin", NOW));
        deadlines.upsertSetting(new ReminderSettingRow(key, "3", "16:00", "admin", NOW));
        assertThat(deadlines.findSettings()).filteredOn(r -> r.settingKey().equals(key)).singleElement()
                .satisfies(r -> {
                    assertThat(r.leadDays()).isEqualTo("3");
                    assertThat(r.timeOfDay()).isEqualTo("16:00");
                });
        assertThat(deadlines.deleteSetting(key)).isEqualTo(1);
        assertThat(deadlines.deleteSetting(key)).isZero();
    }

    private FiledMessage message(String id, String text, RecordType type, Map<String, Object> fields,
                                 Instant at) {
        return new FiledMessage(null, Channel.SANDBOX, "chat-" + tag, ChatType.GROUP, id + "-" + tag, "u1", "张三",
                3L, 7L, 5L, 2L, type, ContentKind.TEXT, text, fields, "{\"text\":\"" + text + "\"}",
                at.truncatedTo(ChronoUnit.MILLIS), false);
    }

    private OutboxMessage pending(String content, Instant due) {
        return OutboxMessage.pending(Channel.SANDBOX, TargetType.CHAT, "chat-" + tag, MessageFormat.TEXT, content,
                null, Purpose.REPLY, null, NOW).withNextAttemptAt(due);
    }
}
