package org.waymark.web;

import java.sql.SQLException;

/**
 * The database refused a character (PostgreSQL cannot store NUL in text). Forms and the API refuse control
 * characters field by field first; this is the last line, so a path that missed a check answers 400, not 500.
 */
final class UnstorableText {

    private UnstorableText() {
    }

    static boolean causedBy(Throwable e) {
        return DatabaseOutage.anyCause(e, t -> t instanceof SQLException sql
                && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState())));
    }
}
