package org.waymark.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.waymark.support.IntegrationTest;
import org.waymark.support.TestHttp;

/**
 * Special category data on a case (issue 15): with the default matrix, ethnicity and religion reach no one working the
 * case, in the API's answer, the case summary PDF or the panel pack, for any role that reads it; health data (complex
 * needs) reaches the roles the matrix names. Who is in the matrix is configuration; the masking itself is
 * {@code SpecialCategoryFieldsUnitTest}.
 */
class SpecialCategoryIntegrationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void equalityDataNeverLeavesTheCaseAndHealthDataOnlyForTheMatrixRoles() throws Exception {
        var people = new CaseFixtures(context, baseUrl());
        String referral = CaseFixtures.referral("Parveen", "Masked-" + people.suffix, java.time.LocalDate.now().minusYears(15).toString())
                .replace("\"ethnicity\": \"NOT_STATED\"", "\"ethnicity\": \"ASIAN\", \"religion\": \"SIKH\"");
        var supported = people.inSupport(referral);
        assertThat(jdbc.sql("select religion from referral where case_id = ?").param(java.util.UUID.fromString(supported.caseId()))
                .query(String.class).single()).as("recorded").isEqualTo("SIKH");
        String casePath = "/api/v1/cases/" + supported.caseId();

        for (TestHttp reader : List.of(people.gateway, people.coordinator, people.chair, people.panel, people.caseOfficer, people.supervisor)) {
            var answer = reader.get(casePath);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).doesNotContain("SIKH").doesNotContain("ASIAN");
            assertThat(answer.body()).as("health data for the matrix's roles").contains("NEURODIVERSITY");
            var pdf = reader.getBytes(casePath + "/summary.pdf");
            if (pdf.statusCode() == 200) {
                try (var document = Loader.loadPDF(pdf.body())) {
                    String text = new PDFTextStripper().getText(document);
                    assertThat(text).contains("Masked-" + people.suffix).doesNotContain("Sikh").doesNotContain("Asian");
                }
            }
        }
        var meetingId = jdbc.sql("select meeting_id from panel_agenda_item where case_id = ?").param(java.util.UUID.fromString(supported.caseId()))
                .query(java.util.UUID.class).single();
        var pack = people.coordinator.getBytes("/api/v1/panel-meetings/" + meetingId + "/pack.pdf");
        assertThat(pack.statusCode()).isEqualTo(200);
        try (var document = Loader.loadPDF(pack.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Masked-" + people.suffix).doesNotContain("Sikh").doesNotContain("Asian");
        }
    }
}
