package org.workforcepathways.gateway.ratelimit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import org.workforcepathways.gateway.errors.ProblemResponses;

/**
 * Refuses a request body over the configured size (413) or an address over the configured length (414) before
 * anything else looks at it (it runs in the security chain right after the header writer, so before the token and
 * CSRF checks), as problem+json. An address whose path does not decode to text (a stray {@code %FF}, an overlong
 * {@code %C0%AE}, a control character) is a 400 here, so that no service's servlet container answers it with its own
 * HTML error page.
 */
public class RequestSizeFilter implements WebFilter {

	private final DataSize maxRequestSize;

	private final int maxUriLength;

	public RequestSizeFilter(RequestLimits limits) {
		this.maxRequestSize = limits.maxSize();
		this.maxUriLength = limits.maxUriLength();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String query = exchange.getRequest().getURI().getRawQuery();
		int uriLength = exchange.getRequest().getURI().getRawPath().length() + (query == null ? 0 : query.length() + 1);
		if (uriLength > maxUriLength) {
			return ProblemResponses.write(exchange, HttpStatus.URI_TOO_LONG, "uri-too-long",
					"The address is longer than " + maxUriLength + " characters; shorten the search words or filters.");
		}
		if (!isReadablePath(exchange.getRequest().getURI().getRawPath())) {
			return ProblemResponses.write(exchange, HttpStatus.BAD_REQUEST, "bad-path",
					"The address holds characters that are not valid text (bad %-encoding or control characters).");
		}
		long length = exchange.getRequest().getHeaders().getContentLength();
		if (length > maxRequestSize.toBytes()) {
			return ProblemResponses.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "too-large",
					"The request body is larger than " + maxRequestSize.toKilobytes() + " kB.");
		}
		return chain.filter(exchange);
	}

	/** Whether the %-decoded path is well-formed UTF-8 without control characters. */
	static boolean isReadablePath(String rawPath) {
		if (rawPath == null) {
			return true;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawPath.length());
		for (int i = 0; i < rawPath.length(); i++) {
			char c = rawPath.charAt(i);
			if (c == '%') {
				if (i + 2 >= rawPath.length()) {
					return false;
				}
				int hi = Character.digit(rawPath.charAt(i + 1), 16);
				int lo = Character.digit(rawPath.charAt(i + 2), 16);
				if (hi < 0 || lo < 0) {
					return false;
				}
				bytes.write(hi * 16 + lo);
				i += 2;
			}
			else {
				int codePoint = rawPath.codePointAt(i);
				bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
				i += Character.charCount(codePoint) - 1;
			}
		}
		String decoded;
		try {
			decoded = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return false;
		}
		return decoded.chars().noneMatch(Character::isISOControl);
	}

}
