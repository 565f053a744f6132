package org.waymark.programme.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.programme.internal.TrainingRecords.Completion;
import org.waymark.programme.internal.TrainingRecords.Course;
import org.waymark.programme.internal.TrainingRecords.CourseKind;
import org.waymark.programme.internal.TrainingRecords.Delivery;
import org.waymark.programme.internal.TrainingRecords.Evidence;
import org.waymark.storage.Rows;

/** SQL for courses, completions and eligible staff. No decisions here: {@link Training} makes them. */
@Repository
class TrainingStore {

    private static final String COURSE = "select id, name, kind, delivery, valid_months, counts_for_compliance from programme_course ";
    private static final String COMPLETION = "select c.id, c.course_id, k.name as course_name, c.organisation_code, c.person_key, c.person_name, "
            + "c.email, c.staff_number, c.role_title, c.completed_on, c.expires_on, c.evidence, c.evidence_reference, c.recorded_by, c.recorded_at "
            + "from programme_completion c join programme_course k on k.id = c.course_id ";

    private final JdbcClient jdbc;

    TrainingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Course> courses() {
        return jdbc.sql(COURSE + "order by name").query(TrainingStore::course).list();
    }

    void insert(Course c, String by, Instant at) {
        jdbc.sql("insert into programme_course (id, name, kind, delivery, valid_months, counts_for_compliance, created_by, created_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(c.id(), c.name(), c.kind().name(), c.delivery().name(), c.validMonths(), c.countsForCompliance(), by, Rows.at(at)).update();
    }

    /** Saves the completion unless the same person's completion of that course on that day is there already: true when saved. */
    boolean insertOnce(Completion c) {
        return jdbc.sql("insert into programme_completion (id, course_id, organisation_code, person_key, person_name, email, staff_number, role_title, "
                        + "completed_on, expires_on, evidence, evidence_reference, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        // H2 takes this too, in the PostgreSQL mode the embedded default runs in.
                        + "on conflict do nothing")
                .params(c.id(), c.courseId(), c.organisationCode(), c.personKey(), c.personName(), c.email(), c.staffNumber(), c.roleTitle(),
                        c.completedOn(), c.expiresOn(), c.evidence().name(), c.evidenceReference(), c.recordedBy(), Rows.at(c.recordedAt()))
                .update() == 1;
    }

    List<Completion> completions(String organisationCode) {
        return jdbc.sql(COMPLETION + "where c.organisation_code = ? order by c.person_name, c.completed_on desc")
                .param(organisationCode).query(TrainingStore::completion).list();
    }

    void eligible(String organisationCode, Quarter quarter, int eligible, String by, Instant at) {
        int updated = jdbc.sql("update programme_eligible_staff set eligible = ?, recorded_by = ?, recorded_at = ? where organisation_code = ? "
                + "and quarter_start = ?").params(eligible, by, Rows.at(at), organisationCode, quarter.start()).update();
        if (updated == 0) {
            jdbc.sql("insert into programme_eligible_staff (organisation_code, quarter_start, eligible, recorded_by, recorded_at) values (?, ?, ?, ?, ?)")
                    .params(organisationCode, quarter.start(), eligible, by, Rows.at(at)).update();
        }
    }

    Map<Quarter, Integer> eligible(String organisationCode) {
        var eligible = new HashMap<Quarter, Integer>();
        jdbc.sql("select quarter_start, eligible from programme_eligible_staff where organisation_code = ?").param(organisationCode)
                .query(rs -> {
                    eligible.put(new Quarter(Rows.date(rs, "quarter_start")), rs.getInt("eligible"));
                });
        return eligible;
    }

    private static Course course(ResultSet rs, int row) throws SQLException {
        return new Course(Rows.uuid(rs, "id"), rs.getString("name"), Rows.choice(rs, "kind", CourseKind.class),
                Rows.choice(rs, "delivery", Delivery.class), rs.getInt("valid_months"), rs.getBoolean("counts_for_compliance"));
    }

    private static Completion completion(ResultSet rs, int row) throws SQLException {
        return new Completion(Rows.uuid(rs, "id"), Rows.uuid(rs, "course_id"), rs.getString("course_name"), rs.getString("organisation_code"),
                rs.getString("person_key"), rs.getString("person_name"), rs.getString("email"), rs.getString("staff_number"),
                rs.getString("role_title"), Rows.date(rs, "completed_on"), Rows.date(rs, "expires_on"), Rows.choice(rs, "evidence", Evidence.class),
                rs.getString("evidence_reference"), rs.getString("recorded_by"), Rows.instant(rs, "recorded_at"));
    }
}
