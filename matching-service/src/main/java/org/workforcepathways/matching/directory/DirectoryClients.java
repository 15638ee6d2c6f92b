package org.workforcepathways.matching.directory;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.ImportHttpServices;

/** Registers the directory client as the HTTP service group {@code directory}. */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = "directory", types = DirectoryClient.class)
class DirectoryClients {

}
