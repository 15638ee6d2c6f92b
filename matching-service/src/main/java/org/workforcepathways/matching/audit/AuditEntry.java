package org.workforcepathways.matching.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One access to a person's record: who (a Keycloak subject id, their role and organization), what (action on record
 * type and id), when, and how it ended. Holds ids, never personal data.
 */
public record AuditEntry(long id, Instant occurredAt, String actorSubject, String actorRole,
		@Nullable String actorOrganization, Action action, String recordType, String recordId, Outcome outcome) {

	public enum Action {

		READ, CREATE, UPDATE, DELETE, EXPORT, ERASE;

		String code() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	public enum Outcome {

		ALLOWED, DENIED, NOT_FOUND, FAILED;

		String code() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
