package org.waymark.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;

/** Reading and writing columns by name, the same way in every store, on H2 and PostgreSQL alike. */
public final class Rows {

    private Rows() {
    }

    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** A column holding an enum's name; null stays null. */
    public static <E extends Enum<E>> E choice(ResultSet rs, String column, Class<E> type) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : Enum.valueOf(type, value);
    }

    /** The value to bind for an instant (null stays null). */
    public static Timestamp at(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** The name to bind for an enum (null stays null). */
    public static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** For optional values in a record built from a row. */
    public static <T, R> R mapOrNull(T value, Function<T, R> map) {
        return value == null ? null : map.apply(value);
    }
}
