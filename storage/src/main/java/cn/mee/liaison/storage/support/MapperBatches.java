package cn.mee.liaison.storage.support;

import java.util.function.Consumer;
import javax.sql.DataSource;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.mybatis.spring.MyBatisExceptionTranslator;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Many executions of a mapper's static statements sent as one JDBC batch, in the caller's transaction (on its
 * connection): MySQL/MariaDB with {@code rewriteBatchedStatements} (the mysql profile) receive them as multi-row
 * statements, H2 runs them in-process. A {@code <foreach>} over thousands of rows costs far more: MyBatis rebuilds
 * and binds that SQL item by item on every call.
 *
 * <p>For statements whose results (generated keys, counts) are not needed. The batch is sent before {@link #run}
 * returns; errors come as Spring's {@link DataAccessException}s (a deadlock victim as a pessimistic locking failure).
 */
@Component
public class MapperBatches {

    private final SqlSessionFactory sessions;
    private final MyBatisExceptionTranslator translator;

    public MapperBatches(SqlSessionFactory sessions, DataSource dataSource) {
        this.sessions = sessions;
        this.translator = new MyBatisExceptionTranslator(dataSource, true);
    }

    /** Runs {@code statements} on a batching instance of {@code mapper}; only inside a transaction. */
    public <M> void run(Class<M> mapper, Consumer<M> statements) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a mapper batch joins the caller's transaction; there is none");
        }
        // the factory's Spring-managed transaction hands this session the transaction's connection
        try (SqlSession session = sessions.openSession(ExecutorType.BATCH)) {
            statements.accept(session.getMapper(mapper));
            session.flushStatements();
        } catch (PersistenceException e) {
            DataAccessException translated = translator.translateExceptionIfPossible(e);
            throw translated != null ? translated : e;
        }
    }
}
