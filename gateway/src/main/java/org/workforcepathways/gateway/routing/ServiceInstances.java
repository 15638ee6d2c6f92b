package org.workforcepathways.gateway.routing;

import java.net.URI;
import java.util.List;

import reactor.core.publisher.Flux;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.stereotype.Component;

/**
 * The instances of each service as configured ({@link ServiceRoutes}), for Spring Cloud LoadBalancer: it takes them
 * in turn and, through its health check, leaves out one that stops answering until it answers again.
 */
@Component
class ServiceInstances implements ReactiveDiscoveryClient {

	private final ServiceRoutes routes;

	ServiceInstances(ServiceRoutes routes) {
		this.routes = routes;
	}

	@Override
	public String description() {
		return "the service addresses in wrd.gateway.*-uri";
	}

	@Override
	public Flux<ServiceInstance> getInstances(String serviceId) {
		List<URI> uris = routes.instances().getOrDefault(serviceId, List.of());
		return Flux.range(0, uris.size()).map(i -> instance(serviceId, i, uris.get(i)));
	}

	private static ServiceInstance instance(String serviceId, int i, URI uri) {
		boolean secure = "https".equals(uri.getScheme());
		int port = uri.getPort() != -1 ? uri.getPort() : secure ? 443 : 80;
		return new DefaultServiceInstance(serviceId + "-" + (i + 1), serviceId, uri.getHost(), port, secure);
	}

	@Override
	public Flux<String> getServices() {
		return Flux.fromIterable(routes.instances().keySet());
	}

}
