package org.workforcepathways.matching.intake;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.workforcepathways.contracts.CloudEvent;
import org.workforcepathways.contracts.EventTypes;
import org.workforcepathways.contracts.Topics;
import org.workforcepathways.contracts.referral.IntakeRecorded;
import org.workforcepathways.matching.MatchingProperties;
import org.workforcepathways.platform.Caller;
import org.workforcepathways.platform.outbox.Outbox;

/**
 * The campaign's intake funnel: an {@code intake-recorded} event, through the outbox, when someone starts or completes
 * the intake. Nothing about the person: no id, no answers, only the stage, campaign and how they heard of us.
 */
@Component
class IntakeEvents {

	private final Outbox outbox;

	private final String source;

	IntakeEvents(Outbox outbox, MatchingProperties properties) {
		this.outbox = outbox;
		this.source = properties.source();
	}

	@Transactional
	public void record(String stage, @Nullable String heardFrom, @Nullable String campaign, @Nullable Jwt jwt) {
		CloudEvent<IntakeRecorded> event = CloudEvent.of(EventTypes.INTAKE_RECORDED, source,
				new IntakeRecorded(stage, heardFrom, campaign, assisted(jwt)));
		// keyed by its own id: funnel events have no order to keep, and nothing links them to a person
		outbox.add(Topics.REFERRAL_LIFECYCLE, event.id(), event);
	}

	/** A case manager signed in runs the intake with the person. */
	private static boolean assisted(@Nullable Jwt jwt) {
		return jwt != null && "case_manager".equals(Caller.of(jwt).role());
	}

}
