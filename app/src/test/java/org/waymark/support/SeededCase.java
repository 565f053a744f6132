package org.waymark.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A case as intake leaves it, written straight into the tables, for module tests that bootstrap only the modules
 * an event flow crosses (no intake, no web server): a synthetic person, a case at screening, its referral.
 */
public record SeededCase(UUID caseId, UUID personId, String forceArea) {

    public static final String CAMDEN = "E09000007";
    public static final String MET = "E23000001";

    public static SeededCase insert(JdbcClient jdbc, String forename, String surname, LocalDate born) {
        var person = UUID.randomUUID();
        var id = UUID.randomUUID();
        var now = Timestamp.from(Instant.now());
        jdbc.sql("insert into person (id, forename, surname, date_of_birth, name_key, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(person, forename, surname, born, (forename + " " + surname).toLowerCase(), now).update();
        jdbc.sql("insert into prevent_case (id, reference, person_id, stage, local_authority, force_area, received_at, received_via, "
                        + "stage_changed_at) values (?, ?, ?, 'SCREENING', ?, ?, ?, 'API', ?)")
                .params(id, "T-" + Long.toString(System.nanoTime(), 36), person, CAMDEN, MET, now, now).update();
        jdbc.sql("insert into referral (case_id, forename, surname, date_of_birth, gender, person_aware, concern, referrer_sector, language, "
                        + "postcode) values (?, ?, ?, ?, 'MALE', 'NO', 'Synthetic concern for a module test.', 'EDUCATION', 'en', 'NW1 2AB')")
                .params(id, forename, surname, born).update();
        return new SeededCase(id, person, MET);
    }

    /** The database a module test uses: its own, as {@link IntegrationTest} makes one. */
    public static void database(DynamicPropertyRegistry registry) {
        var db = TestDatabase.create();
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        if (db.password() != null) {
            registry.add("spring.datasource.password", db::password);
        }
        registry.add("waymark.data-dir", () -> db.dataDir().toString());
    }
}
