package org.waymark.referral;

/**
 * A module that holds part of what statistics count about a case fills it in from its own tables. The statistics
 * module asks every source whenever a case changes, and keeps the result as an anonymised record of its own.
 */
public interface CaseFactSource {

    void describe(CaseFile file, CaseFacts facts);
}
