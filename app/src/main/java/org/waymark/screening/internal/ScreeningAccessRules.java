package org.waymark.screening.internal;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.waymark.access.AccessRule;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.Geography;
import org.waymark.access.Role;
import org.waymark.screening.internal.ScreeningRecords.Subject;

/**
 * An information request is read and answered by the organisation it is addressed to; the deconfliction
 * register is CT police's own, each force seeing its subjects (matching runs across all of them).
 */
@Configuration(proxyBeanMethods = false)
class ScreeningAccessRules {

    @Bean
    AccessRule<Subject> deconflictionSubjectRule(Geography geography) {
        return new AccessRule<>() {
            @Override
            public Class<Subject> recordClass() {
                return Subject.class;
            }

            @Override
            public Decision decide(CurrentUser user, Action action, Subject subject) {
                if (!user.isPolice() || !(user.has(Role.GATEWAY_OFFICER) || user.has(Role.MANAGER)) || user.areaCode() == null) {
                    return Decision.DENY;
                }
                return geography.contains(user.areaCode(), subject.forceArea()) && action != Action.DELETE ? Decision.PERMIT : Decision.ABSTAIN;
            }
        };
    }
}
