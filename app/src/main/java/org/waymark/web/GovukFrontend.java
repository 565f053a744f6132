package org.waymark.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The GOV.UK Frontend version on the classpath, read from its webjar so upgrades need no code change. */
final class GovukFrontend {

    static final String VERSION = read();

    private GovukFrontend() {
    }

    private static String read() {
        String path = "/META-INF/maven/org.webjars.npm/govuk-frontend/pom.properties";
        try (InputStream in = GovukFrontend.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("govuk-frontend webjar is missing from the classpath");
            }
            var properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the govuk-frontend version", e);
        }
    }
}
