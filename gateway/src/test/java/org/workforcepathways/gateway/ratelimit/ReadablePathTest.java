package org.workforcepathways.gateway.ratelimit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReadablePathTest {

	@ParameterizedTest
	@ValueSource(strings = { "/", "/api/directory/services/demo-tp-0001", "/c/soldadura%20b%C3%A1sica",
			"/c/%E2%9C%93", "/c/caf\u00e9", "/c/%F0%9F%94%A5" })
	void textPathsPass(String rawPath) {
		assertThat(RequestSizeFilter.isReadablePath(rawPath)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/c/%FF%FE", "/c/%C0%AE%C0%AE", "/c/%ED%A0%80", "/c/%00", "/c/%0d%0aSet-Cookie", "/c/%",
			"/c/%G1", "/c/%4" })
	void undecodablePathsAreRefused(String rawPath) {
		assertThat(RequestSizeFilter.isReadablePath(rawPath)).isFalse();
	}

}
