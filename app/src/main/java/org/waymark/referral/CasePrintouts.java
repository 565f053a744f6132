package org.waymark.referral;

import java.util.UUID;

import org.waymark.access.CurrentUser;
import org.waymark.govuk.Printout;

/**
 * Printed copies of cases, each exactly what its reader may see on the case page (the same view, the same rule),
 * marked OFFICIAL-SENSITIVE on every page, and recorded in the audit trail as a consultation ("case.printed").
 */
public interface CasePrintouts {

    String MARKING = "OFFICIAL-SENSITIVE";

    /** The case summary as a PDF. */
    byte[] summary(CurrentUser user, UUID caseId);

    /** The case's part of another document (a panel pack): its summary appended to {@code document}. */
    void append(Printout document, CurrentUser user, UUID caseId);
}
