package org.workforcepathways.matching.directory;

import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * directory-service's public search, as matching reads it. Base URL and timeouts are configuration
 * ({@code spring.http.serviceclient.directory.*}); only the fields matching uses are declared, the rest are ignored.
 */
@HttpExchange("/api/directory")
public interface DirectoryClient {

	@GetExchange("/search")
	DirectoryPage search(@RequestParam("q") String query, @RequestParam("size") int size);

}
