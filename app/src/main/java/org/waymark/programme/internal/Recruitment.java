package org.waymark.programme.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.access.AccessDecisions;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.Geography;
import org.waymark.access.RecordNotFoundException;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.govuk.Choices;
import org.waymark.govuk.FormErrors;
import org.waymark.govuk.TextRules;
import org.waymark.programme.internal.OfficerRecords.Campaign;
import org.waymark.programme.internal.OfficerRecords.OfficerKind;

/**
 * Recruitment campaigns for officer posts, with their applicants' diversity held only as counts per category of a
 * protected characteristic (the 2009 report's positive action), reported with small counts withheld ({@link Diversity}).
 */
@Service
class Recruitment {

    /** The protected characteristics a campaign's applicants may be counted by. */
    enum Characteristic { SEX, ETHNICITY, AGE_BAND, DISABILITY, RELIGION_OR_BELIEF, SEXUAL_ORIENTATION }

    private final OfficerStore store;
    private final AccessDecisions access;
    private final Geography geography;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    Recruitment(OfficerStore store, AccessDecisions access, Geography geography, AuditTrail audit, TransactionTemplate transactions) {
        this.store = store;
        this.access = access;
        this.geography = geography;
        this.audit = audit;
        this.transactions = transactions;
    }

    List<Campaign> campaigns(CurrentUser user) {
        Officers.requireManager(user);
        return store.campaigns().stream().filter(c -> access.permits(user, Action.READ, c)).toList();
    }

    record CampaignForm(String areaCode, String kind, String title, String openedOn, String closedOn, Integer applicants, Integer appointed) {
    }

    Campaign add(CurrentUser user, CampaignForm form) {
        Officers.requireManager(user);
        var errors = new FormErrors().text("programme.campaign", "title", form.title(), Boards.TEXT, true);
        String area = Officers.area(geography, errors, form.areaCode());
        var kind = Choices.parse(OfficerKind.class, form.kind());
        if (kind == null) {
            errors.add("kind", "programme.officer.kind.missing");
        }
        LocalDate opened = Boards.date(errors, "openedOn", form.openedOn());
        LocalDate closed = form.closedOn() == null || form.closedOn().isBlank() ? null : Boards.date(errors, "closedOn", form.closedOn());
        if (opened != null && closed != null && closed.isBefore(opened)) {
            errors.add("closedOn", "programme.campaign.closedBeforeOpened");
        }
        int applicants = count(errors, "applicants", form.applicants());
        int appointed = count(errors, "appointed", form.appointed());
        if (!errors.has("appointed") && appointed > applicants) {
            errors.add("appointed", "programme.campaign.appointed.tooMany");
        }
        errors.throwIfAny();
        var campaign = new Campaign(UUID.randomUUID(), user.organisationCode(), area, kind, form.title().strip(), opened, closed, applicants, appointed);
        transactions.executeWithoutResult(t -> {
            store.insert(campaign);
            audit.record(AuditEvent.of(AuditAction.COLLECTION, "programme.campaign.added").record(campaign.recordType(), campaign.id()));
        });
        return campaign;
    }

    record CampaignView(Campaign campaign, List<Diversity> diversity) {
    }

    CampaignView campaign(CurrentUser user, UUID id) {
        var campaign = campaign(user, id, Action.READ);
        return new CampaignView(campaign, store.diversity(id).entrySet().stream().map(e -> Diversity.of(e.getKey(), e.getValue())).toList());
    }

    /**
     * The applicants' counts by one characteristic, replacing any given before. The counts must add up to the
     * campaign's applicants (a "Not stated" category takes those who did not say), so no one is left out or doubled.
     */
    void diversity(CurrentUser user, UUID id, String characteristic, Map<String, Integer> counts) {
        var campaign = campaign(user, id, Action.UPDATE);
        var errors = new FormErrors();
        var which = Choices.parse(Characteristic.class, characteristic);
        if (which == null) {
            errors.add("characteristic", "programme.diversity.characteristic.missing");
        }
        var clean = new LinkedHashMap<String, Integer>();
        if (counts == null || counts.isEmpty()) {
            errors.add("counts", "programme.diversity.counts.missing");
        } else {
            for (var e : counts.entrySet()) {
                String category = e.getKey() == null ? "" : e.getKey().strip();
                if (category.isEmpty() || category.length() > 100 || TextRules.problem(category) != null || e.getValue() == null || e.getValue() < 0
                        || clean.containsKey(category)) {
                    errors.add("counts", "programme.diversity.counts.invalid", category);
                }
                clean.put(category, e.getValue());
            }
            int total = clean.values().stream().filter(java.util.Objects::nonNull).mapToInt(Integer::intValue).sum();
            if (!errors.has("counts") && total != campaign.applicants()) {
                errors.add("counts", "programme.diversity.counts.total", total, campaign.applicants());
            }
        }
        errors.throwIfAny();
        transactions.executeWithoutResult(t -> {
            store.diversity(campaign.id(), which.name(), clean);
            audit.record(AuditEvent.of(AuditAction.ALTERATION, "programme.campaign.diversity").record(campaign.recordType(), campaign.id()));
        });
    }

    /** "Female: 12" lines, as the page's box takes them; a line that is not one is an error naming it. */
    static Map<String, Integer> lines(String text, FormErrors errors) {
        var counts = new LinkedHashMap<String, Integer>();
        for (String line : (text == null ? "" : text).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.lastIndexOf(':');
            try {
                counts.put(line.substring(0, Math.max(0, colon)).strip(), Integer.valueOf(line.substring(colon + 1).strip()));
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                errors.add("counts", "programme.diversity.counts.line", line.strip());
            }
        }
        return counts;
    }

    private Campaign campaign(CurrentUser user, UUID id, Action action) {
        Officers.requireManager(user);
        var campaign = store.campaign(id).orElseThrow(() -> new RecordNotFoundException("PROGRAMME_CAMPAIGN", String.valueOf(id)));
        return access.require(user, action, campaign);
    }

    private static int count(FormErrors errors, String field, Integer value) {
        if (value == null || value < 0 || value > 100_000) {
            errors.add(field, "programme.campaign." + field + ".invalid");
            return 0;
        }
        return value;
    }
}
