package org.waymark.access.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;

/** Registers the OpenID Connect provider named by WAYMARK_OIDC_ISSUER (discovery at start-up). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${waymark.security.oidc.issuer:}'.isBlank() and !'${waymark.command-line:false}'.equals('true')")
class OidcConfiguration {

    static final String REGISTRATION_ID = "oidc";

    @Bean
    ClientRegistrationRepository oidcClientRegistrations(SecurityProperties properties) {
        var oidc = properties.oidc();
        var registration = ClientRegistrations.fromIssuerLocation(oidc.issuer())
                .registrationId(REGISTRATION_ID)
                .clientId(oidc.clientId())
                .clientSecret(oidc.clientSecret())
                .scope("openid", "profile", "email")
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .clientName("your organisation's sign-in")
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }
}
