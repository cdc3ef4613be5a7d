package cn.mee.liaison.bot.support;

import cn.mee.liaison.testsupport.TestDatabase;
import org.springframework.test.context.ActiveProfilesResolver;

/** The mysql profile (its connection settings, a clustered Quartz) when the tests run on MySQL/MariaDB. */
public final class DatabaseProfiles implements ActiveProfilesResolver {

    @Override
    public String[] resolve(Class<?> testClass) {
        return TestDatabase.mysqlAvailable() ? new String[] {"mysql"} : new String[0];
    }
}
