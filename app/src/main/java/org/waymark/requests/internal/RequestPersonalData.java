package org.waymark.requests.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.referral.PersonalData;

/** What information requests hold about a person's cases: each question, to whom, and the answer. */
@Repository
class RequestPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    RequestPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String holder() {
        return "requests";
    }

    @Override
    public List<Held> export(UUID personId, Collection<UUID> caseIds) {
        return PersonalData.rows(jdbc, "information_request", "id", "select * from information_request where case_id = any(?) order by requested_at",
                caseIds);
    }

    @Override
    public void erase(Erasure erasure) {
        PersonalData.change(jdbc, "delete from information_request where case_id = any(?)", erasure.caseIds());
    }
}
