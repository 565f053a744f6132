package org.waymark.retention;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone used break-glass access to a case: the data protection officers are told at once (ids and the user's name,
 * never the case's content).
 */
public record BreakGlassGranted(UUID grantId, UUID caseId, String caseReference, String username, String organisationCode, Instant expiresAt) {
}
