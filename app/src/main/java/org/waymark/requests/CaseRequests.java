package org.waymark.requests;

import java.util.List;
import java.util.UUID;

/** The requests made about one case, for the case page's screening section; unchecked: the section decides who sees them. */
public interface CaseRequests {

    List<InformationRequest> ofCase(UUID caseId);
}
