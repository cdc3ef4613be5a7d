package cn.mee.liaison.scheduler.jobs;

import cn.mee.liaison.testsupport.TestDatabase;
import java.util.Map;

/**
 * The scheduler on the embedded H2 in MySQL mode, one instance, not clustered. The in-memory databases are named
 * and kept open (DB_CLOSE_DELAY=-1), so an instance started again finds what the previous one left.
 */
class H2JobStoreTest extends JobStoreContractTest {

    @Override
    Map<String, String> freshDatabase() {
        return Map.of("spring.datasource.url", TestDatabase.freshH2Url(), "spring.datasource.username", "sa",
                "spring.datasource.password", "");
    }

    @Override
    boolean clustered() {
        return false;
    }
}
