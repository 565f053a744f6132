/** Shared command-line contract: modules contribute {@link org.waymark.cli.CliCommand} beans. */
@org.springframework.modulith.ApplicationModule(displayName = "Command line")
package org.waymark.cli;
