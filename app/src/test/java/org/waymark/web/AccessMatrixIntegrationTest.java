package org.waymark.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.content.internal.ContentFixtures;
import org.waymark.programme.internal.ProgrammeFixtures;
import org.waymark.support.IntegrationTest;
import org.waymark.support.TestHttp;

/**
 * Every role against every endpoint the application maps. An endpoint missing from {@link #EXPECTED}
 * fails the test: nothing new ships without a decision about who may reach it.
 */
class AccessMatrixIntegrationTest extends IntegrationTest {

    /** Who may reach an endpoint: everyone, any signed-in user, or these roles. */
    sealed interface Rule {
        record Public() implements Rule { }
        record SignedIn() implements Rule { }
        record Roles(Set<Role> roles) implements Rule { }
        /** These roles pass the URL rule; which records they reach is the access decision's (a 404 is then fine). */
        record Records(Set<Role> roles) implements Rule { }
    }

    static final Rule PUBLIC = new Rule.Public();
    static final Rule SIGNED_IN = new Rule.SignedIn();

    static Rule only(Role... roles) {
        return new Rule.Roles(Set.of(roles));
    }

    static Rule records(Role... roles) {
        return new Rule.Records(Set.of(roles));
    }

    static final Role[] CASEWORK = {Role.REFERRER, Role.GATEWAY_OFFICER, Role.PREVENT_CASE_OFFICER, Role.CHANNEL_COORDINATOR,
            Role.CHANNEL_CHAIR, Role.PANEL_MEMBER, Role.INTERVENTION_PROVIDER, Role.MANAGER};
    static final Role[] CASE_READERS = {Role.GATEWAY_OFFICER, Role.PREVENT_CASE_OFFICER, Role.CHANNEL_COORDINATOR, Role.CHANNEL_CHAIR,
            Role.PANEL_MEMBER, Role.MANAGER};

    static final Map<String, Rule> EXPECTED = new LinkedHashMap<>();

    static {
        for (String p : List.of("GET /sign-in", "POST /sign-in", "GET /sign-in/two-factor", "POST /sign-in/two-factor",
                "GET /sign-in/set-up-two-factor", "POST /sign-in/set-up-two-factor", "GET /privacy", "GET /accessibility",
                "GET /cookies", "GET /cy/privacy", "GET /cy/accessibility", "GET /cy/cookies", "GET /error", "POST /error", "PUT /error", "DELETE /error", "PATCH /error", "HEAD /error",
                "OPTIONS /error", "TRACE /error", "GET /report-a-concern", "POST /report-a-concern", "GET /report-a-concern/sent",
                "GET /cy/report-a-concern", "POST /cy/report-a-concern", "GET /cy/report-a-concern/sent", "GET /report-online-content",
                "POST /report-online-content", "GET /report-online-content/sent", "GET /cy/report-online-content", "POST /cy/report-online-content",
                "GET /cy/report-online-content/sent", "GET /send-again",
                "GET /cy/send-again")) {
            EXPECTED.put(p, PUBLIC);
        }
        for (String p : List.of("GET /", "GET /account", "GET /api/v1/me", "GET /api/v1/areas", "GET /api/v1/areas/{code}",
                "GET /api/v1/organisations", "GET /api/v1/organisations/{code}", "GET /v3/api-docs", "GET /v3/api-docs.yaml",
                "GET /v3/api-docs/swagger-config", "GET /swagger-ui.html", "GET /api/v1/me/tokens", "GET /account/session",
                "GET /account/password", "POST /account/password")) {
            EXPECTED.put(p, SIGNED_IN);
        }
        for (String p : List.of("GET /admin", "GET /admin/users", "GET /admin/users/new", "POST /admin/users/new",
                "GET /admin/users/{id}", "POST /admin/users/{id}/unlock", "POST /admin/users/{id}/disable",
                "POST /admin/users/{id}/enable", "POST /admin/users/{id}/reset-two-factor", "GET /api/v1/users",
                "GET /admin/users/{id}/unlock", "GET /admin/users/{id}/disable", "GET /admin/users/{id}/enable",
                "GET /admin/users/{id}/reset-two-factor", "GET /admin/users/{id}/reset-password", "POST /admin/users/{id}/reset-password",
                "GET /admin/users/{id}/edit", "POST /admin/users/{id}/edit",
                "POST /api/v1/users", "GET /api/v1/users/{id}")) {
            EXPECTED.put(p, only(Role.ADMIN));
        }
        // A token of one's own, or (administrators) of an account they manage: anyone else's answers 404.
        for (String p : List.of("POST /api/v1/me/tokens/{tokenId}/revoke", "POST /account/tokens/{tokenId}/revoke")) {
            EXPECTED.put(p, records(Role.values()));
        }
        for (String p : List.of("GET /api/v1/users/{id}/tokens", "POST /api/v1/users/{id}/tokens/{tokenId}/revoke",
                "POST /admin/users/{id}/tokens/{tokenId}/revoke")) {
            EXPECTED.put(p, records(Role.ADMIN));
        }
        for (String p : List.of("GET /content", "GET /content/new", "POST /content/new", "GET /content/items/{id}",
                "POST /content/items/{id}/captures", "POST /content/items/{id}/assessment", "POST /content/items/{id}/approval",
                "POST /content/items/{id}/availability-check", "POST /content/referrals/{id}/outcome", "GET /content/referrals/{id}/letter.pdf",
                "GET /content/referrals/{id}/letter.json", "GET /content/captures/{id}", "GET /content/captures/{id}/preview.png", "GET /content/hashes", "POST /content/hashes/import",
                "GET /content/hashes/export.csv", "POST /api/v1/content-items", "GET /api/v1/content-items/{id}",
                "POST /api/v1/content-items/{id}/captures", "POST /api/v1/content-items/{id}/assessments",
                "POST /api/v1/content-items/{id}/approval", "GET /api/v1/content-referrals/{id}", "POST /api/v1/content-referrals/{id}/outcomes",
                "GET /api/v1/hash-list", "POST /api/v1/hash-list", "POST /api/v1/hash-matches", "GET /content/intake", "POST /content/intake",
                "GET /content/intake/{id}", "POST /api/v1/content-intakes", "GET /api/v1/content-intakes/{id}")) {
            EXPECTED.put(p, only(Role.CONTENT_ANALYST));
        }
        for (String p : List.of("GET /programme", "POST /programme/boards", "GET /programme/boards/{id}", "POST /programme/boards/{id}/members",
                "POST /programme/boards/{id}/meetings", "POST /programme/boards/{id}/actions", "GET /programme/meetings/{id}",
                "POST /programme/meetings/{id}/attendance", "GET /programme/actions", "GET /programme/actions/{id}",
                "POST /programme/actions/{id}/updates", "GET /api/v1/boards", "POST /api/v1/boards", "GET /api/v1/boards/{id}",
                "POST /api/v1/boards/{id}/members", "POST /api/v1/boards/{id}/meetings", "POST /api/v1/boards/{id}/actions",
                "GET /api/v1/meetings/{id}", "POST /api/v1/meetings/{id}/attendance", "GET /api/v1/actions", "GET /api/v1/actions/{id}",
                "POST /api/v1/actions/{id}/updates", "POST /programme/meetings/{id}/agenda", "POST /programme/meetings/{id}/minutes",
                "POST /programme/meetings/{id}/approve-previous-minutes", "POST /api/v1/meetings/{id}/agenda-items",
                "POST /api/v1/meetings/{id}/minutes", "POST /api/v1/meetings/{id}/minutes-approval", "GET /programme/training",
                "POST /programme/training/completions", "POST /programme/training/import", "POST /programme/training/eligible-staff",
                "POST /programme/training/courses", "GET /api/v1/training/courses", "POST /api/v1/training/courses",
                "GET /api/v1/training/register", "POST /api/v1/training/completions", "POST /api/v1/training/completions/import",
                "POST /api/v1/training/eligible-staff", "GET /programme/training/nhs-return", "GET /programme/training/nhs-return.csv",
                "GET /api/v1/training/nhs-return", "GET /programme/surveys", "POST /programme/surveys", "GET /programme/surveys/{id}",
                "POST /programme/surveys/{id}/responses", "GET /api/v1/surveys", "POST /api/v1/surveys", "GET /api/v1/surveys/{id}",
                "POST /api/v1/surveys/{id}/responses", "GET /programme/officers", "POST /programme/officers", "POST /programme/officers/posts",
                "GET /programme/officers/{id}", "POST /programme/officers/{id}/deployments", "GET /programme/recruitment", "POST /programme/recruitment",
                "GET /programme/recruitment/{id}", "POST /programme/recruitment/{id}/diversity", "GET /api/v1/officers", "POST /api/v1/officers",
                "GET /api/v1/officers/{id}", "POST /api/v1/officers/{id}/deployments", "POST /api/v1/officers/posts", "GET /api/v1/officers/campaigns",
                "POST /api/v1/officers/campaigns", "GET /api/v1/officers/campaigns/{id}", "POST /api/v1/officers/campaigns/{id}/diversity",
                "GET /programme/lessons", "POST /programme/lessons", "GET /programme/lessons/{id}", "POST /programme/lessons/{id}/actions",
                "POST /programme/lessons/{id}/close", "GET /api/v1/lessons", "POST /api/v1/lessons", "GET /api/v1/lessons/{id}",
                "POST /api/v1/lessons/{id}/actions", "POST /api/v1/lessons/{id}/close", "GET /programme/engagement",
                "POST /programme/engagement/events", "GET /programme/engagement/projects/new", "POST /programme/engagement/projects",
                "GET /programme/engagement/projects/{id}", "POST /programme/engagement/projects/{id}/milestones",
                "POST /programme/engagement/projects/{id}/reports", "GET /api/v1/engagement/events", "POST /api/v1/engagement/events",
                "GET /api/v1/engagement/projects", "POST /api/v1/engagement/projects", "GET /api/v1/engagement/projects/{id}",
                "POST /api/v1/engagement/projects/{id}/milestones", "POST /api/v1/engagement/projects/{id}/reports", "GET /programme/tensions",
                "POST /programme/tensions", "GET /programme/tensions/areas/{code}", "GET /programme/incidents/new", "POST /programme/incidents",
                "GET /programme/incidents/{id}", "POST /programme/incidents/{id}/public-lines", "GET /api/v1/tensions", "POST /api/v1/tensions",
                "GET /api/v1/tensions/areas/{code}", "GET /api/v1/incidents", "POST /api/v1/incidents", "GET /api/v1/incidents/{id}",
                "POST /api/v1/incidents/{id}/public-lines", "GET /programme/plan", "POST /programme/plan/items", "POST /programme/plan/briefings",
                "GET /api/v1/plans", "POST /api/v1/plans/items", "POST /api/v1/plans/ratings", "POST /api/v1/plans/actions",
                "POST /api/v1/plans/briefings", "GET /programme/briefing", "GET /programme/briefing.pdf", "GET /api/v1/area-briefings",
                "GET /api/v1/area-briefings.pdf", "GET /programme/eia", "POST /programme/eia", "GET /api/v1/eias", "POST /api/v1/eias")) {
            EXPECTED.put(p, only(Role.PROGRAMME_MANAGER));
        }
        // An agenda item of the meeting, or (here, a made-up one) nothing: 404.
        for (String p : List.of("POST /programme/meetings/{id}/agenda/{itemId}/decision", "POST /api/v1/meetings/{id}/agenda-items/{itemId}/decision",
                "POST /programme/officers/{id}/deployments/{deploymentId}/end", "POST /api/v1/officers/{id}/deployments/{deploymentId}/end",
                "POST /programme/engagement/projects/{id}/milestones/{milestoneId}/done", "POST /api/v1/engagement/projects/{id}/milestones/{milestoneId}/done",
                "POST /programme/plan/items/{id}/status", "POST /api/v1/plans/items/{id}/status", "GET /programme/plan/sections/{code}",
                "POST /programme/plan/sections/{code}/rating", "POST /programme/plan/sections/{code}/actions", "GET /programme/eia/{id}",
                "GET /programme/eia/{id}.pdf", "POST /programme/eia/{id}/findings", "POST /programme/eia/{id}/mitigations",
                "POST /programme/eia/{id}/sign-off", "GET /api/v1/eias/{id}", "GET /api/v1/eias/{id}.pdf", "POST /api/v1/eias/{id}/findings",
                "POST /api/v1/eias/{id}/mitigations", "POST /api/v1/eias/{id}/sign-off")) {
            EXPECTED.put(p, records(Role.PROGRAMME_MANAGER));
        }
        for (String p : List.of("GET /content/platforms", "GET /content/transparency", "GET /api/v1/content-statistics")) {
            EXPECTED.put(p, only(Role.CONTENT_ANALYST, Role.MANAGER));
        }
        // Official statistics: analysts nationally, managers for their own area (the service narrows the area).
        for (String p : List.of("GET /statistics", "GET /statistics/referrals.csv", "GET /statistics/referrals.ods",
                "GET /api/v1/statistics/referrals", "GET /api/v1/statistics/referrals.csv", "GET /api/v1/statistics/referrals.ods")) {
            EXPECTED.put(p, records(Role.ANALYST, Role.MANAGER));
        }
        EXPECTED.put("GET /statistics/overdue", records(Role.MANAGER));
        EXPECTED.put("POST /api/v1/imports/referrals", only(Role.ADMIN));
        // Break-glass: asked for by caseworkers who hold cases (a body with no case is 400), reviewed by DPOs.
        for (String p : List.of("POST /api/v1/break-glass", "GET /break-glass", "POST /break-glass")) {
            EXPECTED.put(p, only(Role.GATEWAY_OFFICER, Role.PREVENT_CASE_OFFICER, Role.CHANNEL_COORDINATOR, Role.CHANNEL_CHAIR, Role.MANAGER));
        }
        EXPECTED.put("GET /api/v1/break-glass", only(Role.DPO));
        EXPECTED.put("GET /retention/break-glass", only(Role.DPO));
        EXPECTED.put("GET /retention/record-of-processing", only(Role.DPO));
        EXPECTED.put("POST /api/v1/retention/rectifications", only(Role.DPO));
        EXPECTED.put("GET /api/v1/retention/rectifications", records(Role.DPO));
        EXPECTED.put("GET /api/v1/retention/record-of-processing", only(Role.DPO));
        EXPECTED.put("POST /api/v1/break-glass/{id}/review", records(Role.DPO));
        EXPECTED.put("POST /retention/break-glass/{id}", records(Role.DPO));
        for (String p : List.of("GET /api/v1/retention/reviews", "GET /api/v1/retention/holds", "GET /api/v1/subject-access-requests",
                "POST /api/v1/subject-access-requests", "GET /retention", "GET /retention/holds", "POST /retention/holds", "GET /subject-access",
                "POST /subject-access", "GET /api/v1/retention/restrictions", "POST /api/v1/retention/restrictions", "GET /retention/restrictions",
                "POST /retention/restrictions")) {
            EXPECTED.put(p, only(Role.DPO));
        }
        for (String p : List.of("POST /api/v1/retention/reviews/{id}/decision", "POST /api/v1/retention/holds", "POST /api/v1/retention/holds/{id}/lift",
                "GET /api/v1/subject-access-requests/{id}", "POST /api/v1/subject-access-requests/{id}/clock",
                "POST /api/v1/subject-access-requests/{id}/exemptions", "POST /api/v1/subject-access-requests/{id}/complete",
                "GET /api/v1/subject-access-requests/{id}/pack", "GET /api/v1/subject-access-requests/{id}/pack.pdf",
                "GET /retention/reviews/{id}", "POST /retention/reviews/{id}", "GET /retention/holds/{id}", "POST /retention/holds/{id}/lift",
                "GET /subject-access/{id}", "POST /subject-access/{id}/clock", "POST /subject-access/{id}/exemptions",
                "POST /subject-access/{id}/complete", "GET /subject-access/{id}/pack.pdf", "GET /subject-access/{id}/pack.json",
                "GET /api/v1/retention/restrictions/{id}", "POST /api/v1/retention/restrictions/{id}/lift", "GET /retention/restrictions/{id}",
                "POST /retention/restrictions/{id}/lift")) {
            EXPECTED.put(p, records(Role.DPO));
        }
        for (String p : List.of("POST /api/v1/referrals", "GET /api/v1/referrals/{id}", "POST /api/v1/referrals/{id}/documents",
                "GET /api/v1/information-requests", "GET /api/v1/information-requests/{id}", "POST /api/v1/information-requests/{id}/answer",
                "GET /api/v1/assessment-frameworks")) {
            EXPECTED.put(p, records(CASEWORK));
        }
        for (String p : List.of("GET /api/v1/cases", "GET /api/v1/cases/{id}", "POST /api/v1/cases/{id}/linked-people",
                "GET /api/v1/cases/{id}/documents/{documentId}", "POST /api/v1/cases/{id}/checks", "POST /api/v1/cases/{id}/screening-decision",
                "POST /api/v1/cases/{id}/screening-decision/approval", "POST /api/v1/cases/{id}/deconfliction-clearance",
                "POST /api/v1/cases/{id}/information-requests", "POST /api/v1/cases/{id}/assessments", "POST /api/v1/cases/{id}/consent",
                "POST /api/v1/cases/{id}/interventions", "POST /api/v1/cases/{id}/reviews", "POST /api/v1/cases/{id}/transfer",
                "POST /api/v1/cases/{id}/concerns/{sessionId}/acknowledgement", "POST /cases/{id}/concerns/{sessionId}/acknowledgement",
                "POST /api/v1/cases/{id}/join", "POST /cases/{id}/join", "GET /cases/{id}/summary.pdf", "GET /api/v1/cases/{id}/summary.pdf")) {
            EXPECTED.put(p, records(CASE_READERS));
        }
        for (String p : List.of("GET /api/v1/cases/{id}/person-matches", "POST /api/v1/cases/{id}/person-matches/{personId}",
                "POST /cases/{id}/person-matches/{personId}")) {
            EXPECTED.put(p, records(CASE_READERS));
        }
        // Record linkage: CT police gateway officers and supervisors (the service also checks the organisation is police).
        for (String p : List.of("GET /api/v1/people", "GET /api/v1/people/{id}", "POST /api/v1/people/{id}/merge", "GET /api/v1/people/merges/{mergeId}",
                "POST /api/v1/people/merges/{mergeId}/undo", "GET /people", "GET /people/{id}", "POST /people/merges/{mergeId}/undo")) {
            EXPECTED.put(p, records(Role.GATEWAY_OFFICER, Role.MANAGER));
        }
        for (String p : List.of("GET /api/v1/deconfliction-subjects", "POST /api/v1/deconfliction-subjects",
                "POST /api/v1/deconfliction-subjects/{id}/removal", "GET /deconfliction-register", "POST /deconfliction-register",
                "POST /deconfliction-register/{id}/removal")) {
            EXPECTED.put(p, records(Role.GATEWAY_OFFICER, Role.MANAGER));
        }
        for (String p : List.of("GET /api/v1/panel-meetings", "POST /api/v1/panel-meetings", "GET /api/v1/panel-meetings/{id}",
                "POST /api/v1/panel-meetings/{id}/agenda", "POST /api/v1/panel-meetings/{id}/decisions",
                "GET /panel-meetings/{id}/pack.pdf", "GET /api/v1/panel-meetings/{id}/pack.pdf")) {
            EXPECTED.put(p, records(Role.CHANNEL_COORDINATOR, Role.CHANNEL_CHAIR, Role.PANEL_MEMBER));
        }
        for (String p : List.of("GET /api/v1/interventions", "GET /api/v1/interventions/{id}", "POST /api/v1/interventions/{id}/sessions")) {
            EXPECTED.put(p, records(Role.INTERVENTION_PROVIDER, Role.CHANNEL_COORDINATOR, Role.CHANNEL_CHAIR));
        }
        for (String p : List.of("GET /referrals", "POST /referrals/new", "GET /referrals/drafts/{id}/{page}", "POST /referrals/drafts/{id}/{page}",
                "POST /referrals/drafts/{id}/submit", "POST /referrals/drafts/{id}/delete", "GET /referrals/{id}/sent",
                "POST /referrals/{id}/documents", "GET /referrals/{id}/confirmation.txt", "GET /information-requests",
                "GET /information-requests/{id}", "POST /information-requests/{id}/answer", "GET /information-requests/sent",
                "GET /referrals/{id}/copy.pdf", "POST /referrals/drafts/{id}/documents", "POST /referrals/drafts/{id}/documents/{documentId}/remove")) {
            EXPECTED.put(p, records(CASEWORK));
        }
        for (String p : List.of("GET /cases", "GET /cases/{id}", "GET /cases/{id}/documents/{documentId}", "POST /cases/{id}/checks",
                "POST /cases/{id}/screening-decision", "POST /cases/{id}/screening-approval", "POST /cases/{id}/deconfliction-clearance",
                "POST /cases/{id}/information-requests", "POST /cases/{id}/consent", "POST /cases/{id}/interventions",
                "POST /cases/{id}/reviews", "POST /cases/{id}/transfer", "POST /cases/{id}/assessments", "POST /cases/{id}/linked-people")) {
            EXPECTED.put(p, records(CASE_READERS));
        }
        for (String p : List.of("GET /panel-meetings", "POST /panel-meetings", "GET /panel-meetings/{id}", "POST /panel-meetings/{id}/agenda",
                "POST /panel-meetings/{id}/decisions")) {
            EXPECTED.put(p, records(Role.CHANNEL_COORDINATOR, Role.CHANNEL_CHAIR, Role.PANEL_MEMBER));
        }
        for (String p : List.of("GET /interventions", "GET /interventions/{id}", "POST /interventions/{id}/sessions")) {
            EXPECTED.put(p, records(Role.INTERVENTION_PROVIDER, Role.CHANNEL_COORDINATOR, Role.CHANNEL_CHAIR));
        }
        EXPECTED.put("GET /api/v1/stalled-plans", records(Role.CHANNEL_COORDINATOR, Role.CHANNEL_CHAIR, Role.MANAGER));
        for (String p : List.of("GET /audit", "GET /audit/export.csv", "GET /audit/verification", "GET /api/v1/audit-entries",
                "GET /api/v1/audit-verification")) {
            EXPECTED.put(p, only(Role.DPO));
        }
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final Map<Role, TestHttp> sessions = new EnumMap<>(Role.class);
    private final Map<Role, String> tokens = new EnumMap<>(Role.class);
    private UUID target;
    private ContentFixtures.Referred content;
    private String intakeId;
    private ProgrammeFixtures.Made programme;
    private String surveyWave;
    private String officer;
    private String campaign;
    private String lesson;
    private String project;
    private String incident;

    @BeforeEach
    void oneUserPerRole() {
        String suffix = Long.toString(System.nanoTime());
        target = AccessFixtures.createUser(context, "target." + suffix, Role.REFERRER, "LA-E09000007", "E09000007");
        content = ContentFixtures.referredItem(context, baseUrl(), "https://video.example/matrix/" + suffix);
        intakeId = ContentFixtures.intake(context, baseUrl(), "https://video.example/matrix-intake/" + suffix);
        for (Role role : Role.values()) {
            String username = "matrix." + role.name().toLowerCase().replace('_', '-') + "." + suffix;
            UUID id = AccessFixtures.createUser(context, username, role, "LA-E09000007", "E09000007");
            sessions.put(role, AccessFixtures.signedIn(context, baseUrl(), username));
            tokens.put(role, AccessFixtures.token(context, id, 1));
        }
        programme = ProgrammeFixtures.board(new TestHttp(baseUrl()).bearer(tokens.get(Role.PROGRAMME_MANAGER)), "Matrix board " + suffix);
        surveyWave = ProgrammeFixtures.created(new TestHttp(baseUrl()).bearer(tokens.get(Role.PROGRAMME_MANAGER))
                .postJson("/api/v1/surveys", "{\"name\":\"Matrix wave " + suffix + "\",\"fieldedOn\":\"2026-05-01\"}")).get("id").asString();
        var programmeManager = new TestHttp(baseUrl()).bearer(tokens.get(Role.PROGRAMME_MANAGER));
        officer = ProgrammeFixtures.created(programmeManager.postJson("/api/v1/officers", "{\"name\":\"Matrix Example-Officer\",\"kind\":\"COORDINATOR\"}"))
                .get("id").asString();
        campaign = ProgrammeFixtures.created(programmeManager.postJson("/api/v1/officers/campaigns", "{\"title\":\"Matrix " + suffix
                + "\",\"areaCode\":\"E09000007\",\"kind\":\"COORDINATOR\",\"openedOn\":\"2026-04-01\",\"applicants\":3,\"appointed\":1}")).get("id").asString();
        lesson = ProgrammeFixtures.created(programmeManager.postJson("/api/v1/lessons", "{\"strand\":\"PREVENT\",\"source\":\"EXERCISE\",\"title\":\"Matrix "
                + suffix + "\",\"summary\":\"s\",\"lesson\":\"l\"}")).get("id").asString();
        project = ProgrammeFixtures.created(programmeManager.postJson("/api/v1/engagement/projects", "{\"areaCode\":\"E09000007\",\"title\":\"Matrix "
                + suffix + "\",\"provider\":\"p\",\"funder\":\"f\",\"fundingPounds\":1,\"startsOn\":\"2026-01-01\",\"endsOn\":\"2026-12-31\"}"))
                .get("id").asString();
        incident = ProgrammeFixtures.created(programmeManager.postJson("/api/v1/incidents", "{\"title\":\"Matrix " + suffix
                + "\",\"occurredOn\":\"2026-05-01\",\"areaCode\":\"E09000007\",\"description\":\"d\"}")).get("id").asString();
    }

    private List<String> mappedEndpoints() {
        var endpoints = new TreeSet<String>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            var methods = info.getMethodsCondition().getMethods();
            for (String path : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    for (String m : List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE")) {
                        endpoints.add(m + " " + path);
                    }
                } else {
                    methods.forEach(m -> endpoints.add(m.name() + " " + path));
                }
            }
        });
        return new ArrayList<>(endpoints);
    }

    @Test
    void everyEndpointHasAnAccessRule() {
        var unclassified = mappedEndpoints().stream().filter(e -> !EXPECTED.containsKey(e)).toList();
        assertThat(unclassified).as("endpoints with no entry in EXPECTED: decide who may reach them").isEmpty();
    }

    @Test
    void everyRoleReachesExactlyWhatItShould() {
        var soft = new SoftAssertions();
        for (String endpoint : mappedEndpoints()) {
            Rule rule = EXPECTED.get(endpoint);
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = concrete(endpoint.substring(endpoint.indexOf(' ') + 1));
            if (rule == null || rule == PUBLIC || !(method.equals("GET") || method.equals("POST"))) {
                continue;
            }
            boolean api = path.startsWith("/api/");
            // Anonymous: pages send to sign-in, the API answers 401. (A form post carries a real CSRF token,
            // taken from the sign-in page, so it is the missing sign-in that is tested.)
            var visitor = new TestHttp(baseUrl());
            if (!api && method.equals("POST")) {
                visitor.get("/sign-in");
            }
            var anonymous = call(visitor, method, path, api);
            soft.assertThat(anonymous.statusCode()).as("anonymous %s", endpoint).isEqualTo(api ? 401 : 302);
            for (Role role : Role.values()) {
                boolean allowed = rule == SIGNED_IN || (rule instanceof Rule.Roles r && r.roles().contains(role))
                        || (rule instanceof Rule.Records r && r.roles().contains(role));
                var http = api ? new TestHttp(baseUrl()).bearer(tokens.get(role)) : sessions.get(role);
                if (!api && method.equals("POST")) {
                    http.get("/");
                }
                int status = call(http, method, path, api).statusCode();
                if (allowed && rule instanceof Rule.Records) {
                    soft.assertThat(status).as("%s as %s", endpoint, role).isNotIn(401, 403, 500);
                } else if (allowed) {
                    soft.assertThat(status).as("%s as %s", endpoint, role).isNotIn(401, 403, 404, 500);
                } else {
                    soft.assertThat(status).as("%s as %s must look like a missing page", endpoint, role).isEqualTo(404);
                }
            }
        }
        soft.assertAll();
    }

    @Test
    void metricsAreForAdministratorsAndHealthForEveryone() {
        assertThat(new TestHttp(baseUrl()).get("/actuator/health").body()).contains("\"status\":\"UP\"").doesNotContain("components");
        assertThat(new TestHttp(baseUrl()).bearer(tokens.get(Role.ADMIN)).get("/actuator/health").body()).contains("\"hashBank\"")
                .containsPattern("\"pdqIndex\":\"(loading|ready)\"");
        assertThat(new TestHttp(baseUrl()).bearer(tokens.get(Role.ANALYST)).get("/actuator/health").body()).doesNotContain("components");
        assertThat(sessions.get(Role.ADMIN).get("/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(new TestHttp(baseUrl()).bearer(tokens.get(Role.ADMIN)).get("/actuator/prometheus").body()).contains("jvm_");
        assertThat(sessions.get(Role.ANALYST).get("/actuator/prometheus").statusCode()).isEqualTo(404);
        assertThat(new TestHttp(baseUrl()).get("/actuator/prometheus").statusCode()).isEqualTo(302);
    }

    private String concrete(String pattern) {
        if (pattern.startsWith("/content/items/") || pattern.startsWith("/api/v1/content-items/")) {
            return pattern.replace("{id}", content.itemId());
        }
        if (pattern.startsWith("/content/referrals/") || pattern.startsWith("/api/v1/content-referrals/")) {
            return pattern.replace("{id}", content.referralId());
        }
        if (pattern.startsWith("/content/intake/") || pattern.startsWith("/api/v1/content-intakes/")) {
            return pattern.replace("{id}", intakeId);
        }
        if (pattern.startsWith("/programme/boards/") || pattern.startsWith("/api/v1/boards/")) {
            return pattern.replace("{id}", programme.boardId());
        }
        if (pattern.startsWith("/programme/meetings/") || pattern.startsWith("/api/v1/meetings/")) {
            return pattern.replace("{id}", programme.meetingId()).replace("{itemId}", target.toString());
        }
        if (pattern.startsWith("/programme/actions/") || pattern.startsWith("/api/v1/actions/")) {
            return pattern.replace("{id}", programme.actionId());
        }
        if (pattern.startsWith("/programme/incidents/") || pattern.startsWith("/api/v1/incidents/")) {
            return pattern.replace("{id}", incident);
        }
        if (pattern.startsWith("/programme/engagement/projects/") || pattern.startsWith("/api/v1/engagement/projects/")) {
            return pattern.replace("{id}", project).replace("{milestoneId}", target.toString());
        }
        if (pattern.startsWith("/programme/lessons/") || pattern.startsWith("/api/v1/lessons/")) {
            return pattern.replace("{id}", lesson);
        }
        if (pattern.startsWith("/programme/recruitment/") || pattern.startsWith("/api/v1/officers/campaigns/")) {
            return pattern.replace("{id}", campaign);
        }
        if (pattern.startsWith("/programme/officers/") || pattern.startsWith("/api/v1/officers/")) {
            return pattern.replace("{id}", officer).replace("{deploymentId}", target.toString());
        }
        if (pattern.startsWith("/programme/surveys/") || pattern.startsWith("/api/v1/surveys/")) {
            return pattern.replace("{id}", surveyWave);
        }
        if (pattern.startsWith("/content/captures/")) {
            return pattern.replace("{id}", content.captureId());
        }
        return pattern.replace("{id}", target.toString()).replace("{personId}", target.toString()).replace("{tokenId}", target.toString()).replace("{mergeId}", target.toString()).replace("{itemId}", target.toString()).replace("{documentId}", target.toString()).replace("{sessionId}", target.toString()).replace("{page}", "person").replace("{code}", pattern.contains("organisations") ? "LA-E09000007" : "E09000007");
    }

    private static java.net.http.HttpResponse<String> call(TestHttp http, String method, String path, boolean api) {
        if (method.equals("GET")) {
            return http.get(path);
        }
        return api ? http.postJson(path, "{}") : http.postForm(path, Map.of());
    }
}
