package org.waymark.access.internal;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * The security headers on the pages Tomcat writes itself: a request it refuses before Spring sees it (a malformed
 * URL or Host header, a control character in the path) is answered by its ErrorReportValve, which no filter of ours
 * reaches. Spring Boot installs that valve; this replaces it, after Boot's own customizer, with one that sets the
 * headers first. The report stays without detail or server version, as Boot leaves it.
 */
@Component
@ConditionalOnWebApplication
class ContainerErrorPages implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            var pipeline = context.getParent().getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof HeadedErrorReportValve)) {
                    pipeline.removeValve(valve);
                }
            }
            var valve = new HeadedErrorReportValve();
            valve.setShowReport(false);
            valve.setShowServerInfo(false);
            pipeline.addValve(valve);
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(HeadedErrorReportValve.class.getName()); // so the host adds no second one
            }
        });
    }

    /** Tomcat's error report, with the headers every page of the service carries. */
    public static final class HeadedErrorReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            if (!response.isCommitted()) {
                response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setHeader("X-Frame-Options", "DENY");
                response.setHeader("Referrer-Policy", "no-referrer");
                response.setHeader("Permissions-Policy", SecurityConfiguration.PERMISSIONS);
                response.setHeader("Cache-Control", "no-store");
                if (request.isSecure()) {
                    response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
                }
            }
            super.report(request, response, throwable);
        }
    }
}
