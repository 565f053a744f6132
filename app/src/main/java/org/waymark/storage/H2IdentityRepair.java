package org.waymark.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After the embedded database was killed (a power cut, SIGKILL), H2 can come back with an identity column's next
 * value behind rows that were committed: the next insert then collides with an existing key and fails until the
 * counter passes them (found by the crash test: an audit entry could not be written, so reading a referral answered
 * 500). At every start, before the service touches the data, each identity column is moved past the largest value its
 * table holds. PostgreSQL's sequences are WAL-logged and need nothing; the callback does nothing there.
 */
@Component
class H2IdentityRepair implements Callback {

    private static final Logger log = LoggerFactory.getLogger(H2IdentityRepair.class);

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            repair(context.getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException("could not check the embedded database's identity columns", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "h2-identity-repair";
    }

    /** Moves every identity column of the current schema past its table's largest value; returns how many it moved. */
    static int repair(Connection connection) throws SQLException {
        if (!connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("h2")) {
            return 0;
        }
        var columns = new ArrayList<String[]>();
        try (var statement = connection.prepareStatement("select table_name, column_name from information_schema.columns "
                + "where table_schema = current_schema and is_identity = 'YES'"); var rows = statement.executeQuery()) {
            while (rows.next()) {
                columns.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        int moved = 0;
        for (String[] c : columns) {
            String table = quote(c[0]);
            String column = quote(c[1]);
            long max;
            try (var statement = connection.createStatement(); var rows = statement.executeQuery("select coalesce(max(" + column + "), 0) from " + table)) {
                rows.next();
                max = rows.getLong(1);
            }
            if (max > 0 && nextValue(connection, c[0], c[1]) <= max) {
                try (var statement = connection.createStatement()) {
                    statement.execute("alter table " + table + " alter column " + column + " restart with " + (max + 1));
                }
                moved++;
            }
        }
        if (moved > 0) {
            log.debug("identity columns moved past their largest values: {}", moved);
        }
        return moved;
    }

    /** The value the column would give next, as H2's catalogue says; 0 (so it is moved) where the catalogue does not say. */
    private static long nextValue(Connection connection, String table, String column) {
        try (var statement = connection.prepareStatement("select identity_base from information_schema.columns "
                + "where table_schema = current_schema and table_name = ? and column_name = ?")) {
            statement.setString(1, table);
            statement.setString(2, column);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        } catch (SQLException e) {
            return 0;
        }
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
