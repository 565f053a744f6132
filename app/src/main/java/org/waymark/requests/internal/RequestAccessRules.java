package org.waymark.requests.internal;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.waymark.access.AccessRule;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.Role;
import org.waymark.requests.InformationRequest;

/** The organisation a request is addressed to may read and answer it, whoever there holds a partner's role. */
@Configuration(proxyBeanMethods = false)
class RequestAccessRules {

    static final Set<Role> PARTNER_ROLES = EnumSet.of(Role.REFERRER, Role.PANEL_MEMBER, Role.CHANNEL_COORDINATOR, Role.CHANNEL_CHAIR,
            Role.GATEWAY_OFFICER, Role.PREVENT_CASE_OFFICER, Role.MANAGER, Role.INTERVENTION_PROVIDER);

    @Bean
    AccessRule<InformationRequest> informationRequestRule() {
        return new AccessRule<>() {
            @Override
            public Class<InformationRequest> recordClass() {
                return InformationRequest.class;
            }

            @Override
            public Decision decide(CurrentUser user, Action action, InformationRequest request) {
                boolean addressee = request.organisation().equals(user.organisationCode())
                        && user.roles().stream().anyMatch(PARTNER_ROLES::contains);
                return addressee && (action == Action.READ || action == Action.UPDATE) ? Decision.PERMIT : Decision.ABSTAIN;
            }
        };
    }
}
