package org.waymark.programme.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.programme.internal.Lessons.Lesson;
import org.waymark.programme.internal.Lessons.Source;
import org.waymark.programme.internal.Lessons.Status;
import org.waymark.programme.internal.Lessons.Strand;
import org.waymark.storage.Rows;

/** SQL for lessons learned and their actions. No decisions here: {@link Lessons} makes them. */
@Repository
class LessonStore {

    private static final String LESSON = "select id, organisation_code, strand, source, title, summary, lesson, reference, identified_on, status, "
            + "closed_on from programme_lesson ";

    private final JdbcClient jdbc;

    LessonStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Lesson> lessons() {
        return jdbc.sql(LESSON + "order by identified_on desc, title").query(LessonStore::lesson).list();
    }

    Optional<Lesson> lesson(UUID id) {
        return jdbc.sql(LESSON + "where id = ?").param(id).query(LessonStore::lesson).optional();
    }

    void insert(Lesson l, String by, Instant at) {
        jdbc.sql("insert into programme_lesson (id, organisation_code, strand, source, title, summary, lesson, reference, identified_on, status, "
                + "closed_on, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").params(l.id(), l.organisationCode(),
                        l.strand().name(), l.source().name(), l.title(), l.summary(), l.lesson(), l.reference(), l.identifiedOn(), l.status().name(),
                        l.closedOn(), by, Rows.at(at)).update();
    }

    List<UUID> actions(UUID lessonId) {
        return jdbc.sql("select action_id from programme_lesson_action where lesson_id = ?").param(lessonId).query(UUID.class).list();
    }

    /** Links the action to the lesson, and moves an open lesson to in progress. */
    void link(UUID lessonId, UUID actionId) {
        jdbc.sql("insert into programme_lesson_action (lesson_id, action_id) values (?, ?)").params(lessonId, actionId).update();
        jdbc.sql("update programme_lesson set status = ? where id = ? and status = ?").params(Status.IN_PROGRESS.name(), lessonId, Status.OPEN.name())
                .update();
    }

    /** Closes the lesson unless it is closed already: true when closed now. */
    boolean close(UUID lessonId, LocalDate on) {
        return jdbc.sql("update programme_lesson set status = ?, closed_on = ? where id = ? and status <> ?")
                .params(Status.CLOSED.name(), on, lessonId, Status.CLOSED.name()).update() == 1;
    }

    private static Lesson lesson(ResultSet rs, int row) throws SQLException {
        return new Lesson(Rows.uuid(rs, "id"), rs.getString("organisation_code"), Rows.choice(rs, "strand", Strand.class),
                Rows.choice(rs, "source", Source.class), rs.getString("title"), rs.getString("summary"), rs.getString("lesson"), rs.getString("reference"),
                Rows.date(rs, "identified_on"), Rows.choice(rs, "status", Status.class), Rows.date(rs, "closed_on"));
    }
}
