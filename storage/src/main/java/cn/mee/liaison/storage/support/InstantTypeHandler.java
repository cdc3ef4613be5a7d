package cn.mee.liaison.storage.support;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;
import org.apache.ibatis.type.MappedTypes;

/**
 * Replaces MyBatis' default Instant handler: writes and reads {@link StoredTime} wall-clock values.
 * Values are written as text: MySQL Connector/J drops the milliseconds of temporal parameters when it talks to
 * MariaDB 10.x (whose version string starts "5.5.5-", taken for a server without fractional seconds).
 */
@MappedTypes(Instant.class)
public class InstantTypeHandler extends BaseTypeHandler<Instant> {

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, Instant parameter, JdbcType jdbcType)
            throws SQLException {
        ps.setString(i, StoredTime.toColumnText(parameter));
    }

    @Override
    public Instant getNullableResult(ResultSet rs, String columnName) throws SQLException {
        return StoredTime.fromColumn(rs.getObject(columnName, LocalDateTime.class));
    }

    @Override
    public Instant getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        return StoredTime.fromColumn(rs.getObject(columnIndex, LocalDateTime.class));
    }

    @Override
    public Instant getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        return StoredTime.fromColumn(cs.getObject(columnIndex, LocalDateTime.class));
    }
}
