package org.waymark.channel.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.waymark.access.AccessRule;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.Role;
import org.waymark.channel.internal.ChannelRecords.Intervention;
import org.waymark.referral.CaseFile;

/**
 * Panel members read only cases on the agenda of a meeting their organisation attends; providers reach only
 * their own organisation's interventions, never the case they belong to.
 */
@Configuration(proxyBeanMethods = false)
class ChannelAccessRules {

    @Bean
    AccessRule<CaseFile> panelMemberRule(PanelStore panels) {
        return new AccessRule<>() {
            @Override
            public Class<CaseFile> recordClass() {
                return CaseFile.class;
            }

            @Override
            public Decision decide(CurrentUser user, Action action, CaseFile file) {
                if (action != Action.READ || !user.has(Role.PANEL_MEMBER) || !file.stage().isChannel()) {
                    return Decision.ABSTAIN;
                }
                return panels.attendsMeetingDiscussing(user.organisationCode(), file.id(), file.localAuthority()) ? Decision.PERMIT : Decision.ABSTAIN;
            }
        };
    }

    @Bean
    AccessRule<Intervention> providerRule() {
        return new AccessRule<>() {
            @Override
            public Class<Intervention> recordClass() {
                return Intervention.class;
            }

            @Override
            public Decision decide(CurrentUser user, Action action, Intervention intervention) {
                boolean own = user.has(Role.INTERVENTION_PROVIDER) && intervention.provider().equals(user.organisationCode());
                return own && (action == Action.READ || action == Action.UPDATE) ? Decision.PERMIT : Decision.ABSTAIN;
            }
        };
    }
}
