package org.workforcepathways.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Makes sure every response carries the {@code XSRF-TOKEN} cookie. Spring Security creates CSRF tokens lazily, so
 * without this a page that only reads would never receive the token its next form must send back.
 */
class CsrfCookieFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		return token == null ? chain.filter(exchange) : token.then(chain.filter(exchange));
	}

}
