package org.waymark.support;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The stored stage is a cache of the facts (ADR 10): for every case it must equal the "to" stage of the last
 * milestone that moved it. Lifecycle and stage-machine tests check this for every case in their database.
 */
public final class StageFacts {

    private StageFacts() {
    }

    /** The cases whose stored stage is not where their milestones say they went. */
    public static List<UUID> casesOffTheirMilestones(JdbcClient jdbc) {
        return jdbc.sql("select c.id from prevent_case c where c.stage <> coalesce((select m.to_stage from case_milestone m "
                + "where m.case_id = c.id and m.to_stage is not null order by m.id desc fetch first 1 rows only), '-')").query(UUID.class).list();
    }
}
