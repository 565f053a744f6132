package org.waymark.channel.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    AccessRule<CaseFile> panelMemberRule(JdbcClient jdbc) {
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
                boolean onAgenda = jdbc.sql("select count(*) from panel_agenda_item i join panel_meeting m on m.id = i.meeting_id "
                                + "join panel_attendee a on a.meeting_id = m.id where i.case_id = ? and a.organisation = ? "
                                + "and m.local_authority = ?")
                        .params(file.id(), user.organisationCode(), file.localAuthority()).query(Long.class).single() > 0;
                return onAgenda ? Decision.PERMIT : Decision.ABSTAIN;
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
