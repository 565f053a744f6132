package org.waymark.referral;

import java.util.List;

import org.waymark.access.CurrentUser;

/** Supplies a module's sections of a case for a reader who may already read the case itself. */
public interface CaseSections {

    List<CaseSection> sectionsFor(CurrentUser user, CaseFile file);
}
