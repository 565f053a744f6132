package org.waymark.access.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.waymark.access.Area;
import org.waymark.access.Geography;
import org.waymark.access.Recipients;
import org.waymark.access.Role;

@Component
class JdbcRecipients implements Recipients {

    private final JdbcClient jdbc;
    private final Geography geography;

    JdbcRecipients(JdbcClient jdbc, Geography geography) {
        this.jdbc = jdbc;
        this.geography = geography;
    }

    @Override
    public List<String> emailOf(String username) {
        return jdbc.sql("select email from user_account where username = ? and enabled = true and email is not null")
                .param(username).query(String.class).list();
    }

    @Override
    public List<String> emails(Role role, String areaCode, String organisationCode) {
        var sql = new StringBuilder("select distinct u.email from user_account u join user_role r on r.user_id = u.id "
                + "where u.enabled = true and u.email is not null");
        var params = new ArrayList<Object>();
        if (role != null) {
            sql.append(" and r.role = ?");
            params.add(role.name());
        }
        if (organisationCode != null) {
            sql.append(" and u.organisation_code = ?");
            params.add(organisationCode);
        } else if (areaCode != null) {
            var areas = geography.lineage(areaCode).stream().map(Area::code).toList();
            if (areas.isEmpty()) {
                return List.of();
            }
            sql.append(" and u.area_code in (").append(String.join(",", Collections.nCopies(areas.size(), "?"))).append(")");
            params.addAll(areas);
        } else {
            return List.of();
        }
        return jdbc.sql(sql + " order by u.email").params(params).query(String.class).list();
    }
}
