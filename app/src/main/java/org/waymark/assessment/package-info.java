/**
 * Structured professional judgement: assessment frameworks as versioned reference data (the Vulnerability
 * Assessment Framework seeded), and assessments of a case factor by factor with evidence marked fact or
 * opinion. The software records and compares; it never computes a score.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assessment")
package org.waymark.assessment;
