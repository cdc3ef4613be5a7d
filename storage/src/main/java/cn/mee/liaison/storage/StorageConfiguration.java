package cn.mee.liaison.storage;

import cn.mee.liaison.storage.support.ConstructorCachingObjectFactory;
import cn.mee.liaison.storage.support.InstantTypeHandler;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.mapping.DatabaseIdProvider;
import org.apache.ibatis.mapping.VendorDatabaseIdProvider;
import org.flywaydb.core.api.FlywayException;
import org.mybatis.spring.annotation.MapperScan;
import org.mybatis.spring.boot.autoconfigure.ConfigurationCustomizer;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The storage module's wiring, complete in itself so that every application and test using it behaves alike:
 * every {@link Mapper} under this package; MyBatis settings; a database id ("mysql" or "h2") for the few statements
 * whose SQL differs; and the Flyway locations, common migrations plus those of the database in use.
 */
@Configuration(proxyBeanMethods = false)
@MapperScan(basePackages = "cn.mee.liaison.storage", annotationClass = Mapper.class)
public class StorageConfiguration {

    @Bean
    DatabaseIdProvider databaseIdProvider() {
        Properties vendors = new Properties();
        vendors.setProperty("MySQL", "mysql");
        vendors.setProperty("MariaDB", "mysql");
        vendors.setProperty("H2", "h2");
        VendorDatabaseIdProvider provider = new VendorDatabaseIdProvider();
        provider.setProperties(vendors);
        return provider;
    }

    @Bean
    ConfigurationCustomizer liaisonMyBatisSettings() {
        return configuration -> {
            configuration.setMapUnderscoreToCamelCase(true);
            configuration.setArgNameBasedConstructorAutoMapping(true);
            // A statement that runs longer is cancelled, except the filing path's point writes by key (timeout="0"
            // in their mappers): Connector/J sets a timer going for every statement with a timeout, and the timer
            // threads' wake-ups cost a callback ~6 % of the bot's CPU (docs/performance.md, filing, ninth round);
            // their waits are bounded by the server's lock wait timeout.
            configuration.setDefaultStatementTimeout(30);
            configuration.getTypeHandlerRegistry().register(InstantTypeHandler.class);
            configuration.setObjectFactory(new ConstructorCachingObjectFactory());
        };
    }

    @Bean
    FlywayConfigurationCustomizer liaisonMigrations() {
        return configuration -> configuration.locations(
                "classpath:db/migration/common", "classpath:db/migration/" + vendorOf(configuration.getDataSource()));
    }

    private static String vendorOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
            if (product.contains("h2")) {
                return "h2";
            }
            if (product.contains("mysql") || product.contains("mariadb")) {
                return "mysql";
            }
            throw new FlywayException("unsupported database: " + product + " (use MySQL 8, MariaDB 10.6+ or H2)");
        } catch (SQLException e) {
            throw new FlywayException("cannot reach the database to migrate it: " + e.getMessage(), e);
        }
    }
}
