package org.workforcepathways.matching.directory;

import org.springframework.context.annotation.Configuration;
import org.springframework.resilience.annotation.EnableResilientMethods;
import org.springframework.web.service.registry.ImportHttpServices;

/** Registers the directory client as the HTTP service group {@code directory}, with retries on its lookups. */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = "directory", types = DirectoryClient.class)
@EnableResilientMethods
class DirectoryClients {

}
