package org.workforcepathways.matching.referral;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workforcepathways.matching.referral.ReferralStatus.*;

/** The referral state machine of docs/referrals.md. */
class ReferralStatusTest {

	@Test
	void aReferralMovesForwardOnlyAlongTheDocumentedPaths() {
		assertThat(SENT.canMoveTo(ACCEPTED)).isTrue();
		assertThat(SENT.canMoveTo(DECLINED)).isTrue();
		assertThat(SENT.canMoveTo(ENROLLED)).isFalse();
		assertThat(ACCEPTED.canMoveTo(ENROLLED)).isTrue();
		assertThat(ACCEPTED.canMoveTo(COMPLETED)).isFalse();
		assertThat(ENROLLED.canMoveTo(COMPLETED)).isTrue();
		assertThat(ENROLLED.canMoveTo(EXITED)).isTrue();
		for (ReferralStatus open : new ReferralStatus[] { SENT, ACCEPTED, ENROLLED }) {
			assertThat(open.canMoveTo(WITHDRAWN)).as(open.code()).isTrue();
		}
		for (ReferralStatus end : new ReferralStatus[] { DECLINED, COMPLETED, EXITED, WITHDRAWN }) {
			for (ReferralStatus any : ReferralStatus.values()) {
				assertThat(end.canMoveTo(any)).as(end.code() + " -> " + any.code()).isFalse();
			}
		}
	}

	@Test
	void theProviderMovesItOnAndOnlyTheReferringSideWithdraws() {
		assertThat(ACCEPTED.byProvider()).isTrue();
		assertThat(COMPLETED.byProvider()).isTrue();
		assertThat(WITHDRAWN.byProvider()).isFalse();
		assertThat(DECLINED.needsReason()).isTrue();
		assertThat(EXITED.needsReason()).isTrue();
		assertThat(ACCEPTED.needsReason()).isFalse();
	}

}
