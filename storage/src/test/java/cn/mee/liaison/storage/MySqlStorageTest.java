package cn.mee.liaison.storage;

import cn.mee.liaison.testsupport.TestDatabase;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The storage contract on MySQL / MariaDB (CI: MariaDB 10.11); needs LIAISON_TEST_MYSQL_URL. */
@EnabledIf("cn.mee.liaison.testsupport.TestDatabase#mysqlAvailable")
class MySqlStorageTest extends StorageContractTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        if (TestDatabase.mysqlAvailable()) {
            TestDatabase.mysqlProperties().forEach((key, value) -> registry.add(key, () -> value));
        }
    }
}
