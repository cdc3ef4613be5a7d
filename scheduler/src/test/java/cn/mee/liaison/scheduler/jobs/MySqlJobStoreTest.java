package cn.mee.liaison.scheduler.jobs;

import cn.mee.liaison.testsupport.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIf;

/** The scheduler on MySQL / MariaDB with the mysql profile, clustered; needs LIAISON_TEST_MYSQL_URL. */
@EnabledIf("cn.mee.liaison.testsupport.TestDatabase#mysqlAvailable")
class MySqlJobStoreTest extends JobStoreContractTest {

    @Override
    Map<String, String> freshDatabase() {
        return mysqlDatabase();
    }

    @Override
    boolean clustered() {
        return true;
    }

    /** A MySQL database of its own, with the bot's mysql profile. */
    static Map<String, String> mysqlDatabase() {
        Map<String, String> credentials = TestDatabase.mysqlProperties();
        return Map.of("spring.profiles.active", "mysql",
                "spring.datasource.url", TestDatabase.freshMysqlDatabase(),
                "spring.datasource.username", credentials.get("spring.datasource.username"),
                "spring.datasource.password", credentials.get("spring.datasource.password"));
    }
}
