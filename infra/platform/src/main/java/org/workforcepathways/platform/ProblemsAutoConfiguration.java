package org.workforcepathways.platform;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/** Brings the shared problem+json advice into every service. */
@AutoConfiguration
@Import(Problems.class)
public class ProblemsAutoConfiguration {

}
