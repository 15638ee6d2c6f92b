package org.workforcepathways.gateway.webapp;

import java.net.URI;

import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;

/**
 * After sign-in, back to the page that asked for it ({@code /signin?next=...}), else to the home page.
 */
public final class ReturnToPage implements ServerAuthenticationSuccessHandler {

	static final String ATTRIBUTE = "wrd.next";

	private final DefaultServerRedirectStrategy redirects = new DefaultServerRedirectStrategy();

	@Override
	public Mono<Void> onAuthenticationSuccess(WebFilterExchange exchange, Authentication authentication) {
		return exchange.getExchange().getSession().flatMap(session -> {
			Object next = session.getAttributes().remove(ATTRIBUTE);
			return redirects.sendRedirect(exchange.getExchange(),
					URI.create(next instanceof String page ? safe(page) : "/"));
		});
	}

	/** Only a path of this site: "//host" and "/\host" would leave it. */
	static String safe(String next) {
		boolean local = next != null && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\")
				&& next.length() <= 512 && next.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
		return local ? next : "/";
	}

}
