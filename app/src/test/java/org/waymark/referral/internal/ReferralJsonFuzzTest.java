package org.waymark.referral.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.waymark.access.Area;
import org.waymark.access.AreaType;
import org.waymark.access.Geography;
import org.waymark.access.Organisation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A referral's JSON body as an integrator sends it (any bytes): it does not parse (400, from Jackson's exception), or it
 * is checked field by field, and a referral that passes the checks turns into stored answers without an exception.
 * So no body reaches the API's 500.
 */
class ReferralJsonFuzzTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Area CAMDEN = new Area("E09000007", "Camden", AreaType.LOCAL_AUTHORITY, "E23000001");

    /** Reference data with one local authority: enough for the check, which only asks whether the code is one. */
    private static final Geography ONE_AUTHORITY = new Geography() {
        @Override
        public List<Area> areas(AreaType type) {
            return type == AreaType.LOCAL_AUTHORITY ? List.of(CAMDEN) : List.of();
        }

        @Override
        public Optional<Area> area(String code) {
            return CAMDEN.code().equals(code) ? Optional.of(CAMDEN) : Optional.empty();
        }

        @Override
        public List<Area> children(String code) {
            return List.of();
        }

        @Override
        public List<Area> lineage(String code) {
            return area(code).map(List::of).orElse(List.of());
        }

        @Override
        public List<Organisation> organisations() {
            return List.of();
        }

        @Override
        public Optional<Organisation> organisation(String code) {
            return Optional.empty();
        }
    };

    @FuzzTest
    void anyBodyIsRefusedOrChecked(byte[] input) {
        ReferralForm form;
        try {
            form = JSON.readValue(input, ReferralForm.class);
        } catch (JacksonException notJson) {
            return;
        }
        if (form == null) {
            form = ReferralForm.empty(); // "null" as the whole body: the controller does the same
        }
        for (var profile : ReferralForm.Profile.values()) {
            var errors = form.check(profile, ONE_AUTHORITY, LocalDate.of(2026, 12, 6));
            if (errors.isEmpty()) {
                var answers = ReferralIntake.answers(form, "en");
                assertThat(answers).isNotNull();
            }
        }
    }
}
