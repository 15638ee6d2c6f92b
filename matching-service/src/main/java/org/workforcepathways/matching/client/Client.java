package org.workforcepathways.matching.client;

import java.time.Instant;
import java.util.UUID;

/** A case manager's client: the person an intake and referrals are for. Only their organization sees them. */
public record Client(UUID id, String organizationId, String displayName, String createdBy, Instant createdAt) {

}
