package org.waymark.referral;

import java.util.UUID;

import org.waymark.access.Role;

/**
 * Something about a case that people holding {@code role} in {@code areaCode} (or, for partners and providers,
 * in {@code organisationCode}) should act on. Published in the transaction that caused it and delivered from
 * the event publication registry after commit, so a notification is neither lost nor sent for a rolled-back
 * change. It carries ids only: the e-mail holds a link, never personal data.
 *
 * @param kind a stable name with a message of its own ({@code referral.received}, {@code session.concern})
 */
public record CaseNotification(UUID caseId, String reference, String kind, Role role, String areaCode, String organisationCode,
        String username) {

    public CaseNotification(UUID caseId, String reference, String kind, Role role, String areaCode, String organisationCode) {
        this(caseId, reference, kind, role, areaCode, organisationCode, null);
    }

    /** To one person (the officer who asked a partner): by username, so it reaches them whatever their area. */
    public static CaseNotification toUser(CaseFile file, String kind, String username) {
        return new CaseNotification(file.id(), file.reference(), kind, null, null, null, username);
    }

    public static CaseNotification toArea(CaseFile file, String kind, Role role, String areaCode) {
        return new CaseNotification(file.id(), file.reference(), kind, role, areaCode, null);
    }

    public static CaseNotification toOrganisation(CaseFile file, String kind, Role role, String organisationCode) {
        return new CaseNotification(file.id(), file.reference(), kind, role, null, organisationCode);
    }
}
