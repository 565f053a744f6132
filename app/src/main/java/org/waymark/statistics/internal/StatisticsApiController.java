package org.waymark.statistics.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.access.CurrentUser;
import org.waymark.access.RecordNotFoundException;
import org.waymark.access.Role;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/statistics/referrals} (JSON, {@code .csv}, {@code .ods}) for analysts nationally and managers for
 * their area; {@code POST /api/v1/imports/referrals} for administrators. docs/api.md describes both.
 */
@RestController
class StatisticsApiController {

    private final StatisticsService statistics;
    private final ReferralImport imports;
    private final JsonMapper mapper;

    StatisticsApiController(StatisticsService statistics, ReferralImport imports, JsonMapper mapper) {
        this.statistics = statistics;
        this.imports = imports;
        this.mapper = mapper;
    }

    @GetMapping(path = "/api/v1/statistics/referrals", produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode referrals(CurrentUser user, @RequestParam(required = false) String financialYear,
            @RequestParam(required = false) String quarter, @RequestParam(required = false) String area) {
        return StatisticsJson.of(mapper, statistics.read(user, financialYear, quarter, area, false));
    }

    @GetMapping(path = "/api/v1/statistics/referrals.csv", produces = "text/csv")
    ResponseEntity<byte[]> csv(CurrentUser user, @RequestParam(required = false) String financialYear,
            @RequestParam(required = false) String quarter, @RequestParam(required = false) String area) {
        var s = statistics.read(user, financialYear, quarter, area, true);
        return file(Downloads.csv(s).getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8", StatisticsService.fileName(s, "csv"));
    }

    @GetMapping(path = "/api/v1/statistics/referrals.ods", produces = StatisticsService.ODS)
    ResponseEntity<byte[]> ods(CurrentUser user, @RequestParam(required = false) String financialYear,
            @RequestParam(required = false) String quarter, @RequestParam(required = false) String area) {
        var s = statistics.read(user, financialYear, quarter, area, true);
        return file(Downloads.ods(s), StatisticsService.ODS, StatisticsService.fileName(s, "ods"));
    }

    static ResponseEntity<byte[]> file(byte[] body, String type, String name) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(body);
    }

    @PostMapping(path = "/api/v1/imports/referrals", consumes = {"text/csv", "text/plain"})
    ResponseEntity<Object> importReferrals(CurrentUser user, @RequestBody(required = false) byte[] body) {
        if (!user.has(Role.ADMIN)) {
            throw new RecordNotFoundException("IMPORT", "referrals");
        }
        var outcome = imports.importCsv(body == null ? "" : new String(body, StandardCharsets.UTF_8), user.username(), user.organisationCode());
        if (!outcome.ok()) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "Nothing was imported: " + outcome.problems().size() + " problem(s) in the file.");
            problem.setTitle("Invalid import");
            problem.setProperty("problems", outcome.problems().stream().map(p -> Map.of("row", p.row(), "reason", p.reason())).toList());
            return ResponseEntity.badRequest().body(problem);
        }
        var answer = new LinkedHashMap<String, Object>();
        answer.put("imported", outcome.imported());
        answer.put("replaced", outcome.replaced());
        return ResponseEntity.ok(answer);
    }
}
