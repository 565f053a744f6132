package org.waymark.access.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.waymark.access.Area;
import org.waymark.access.Directory;
import org.waymark.access.Geography;
import org.waymark.access.Role;

@Component
class JdbcDirectory implements Directory {

    private final UserAccounts accounts;
    private final Geography geography;

    JdbcDirectory(UserAccounts accounts, Geography geography) {
        this.accounts = accounts;
        this.geography = geography;
    }

    @Override
    public java.util.Optional<Contact> contactOf(java.util.UUID userId) {
        return accounts.byId(userId).map(a -> {
            var organisation = geography.organisation(a.organisationCode()).orElse(null);
            return new Contact(a.displayName(), a.email(), a.organisationCode(), organisation == null ? null : organisation.name(),
                    organisation == null ? null : organisation.type());
        });
    }

    @Override
    public java.util.Optional<org.waymark.access.CurrentUser> demoUser(String username) {
        return accounts.byUsername(username).filter(UserAccount::enabled).map(a -> new org.waymark.access.CurrentUser(a.id(), a.username(),
                a.displayName(), a.organisationCode(), geography.organisation(a.organisationCode()).map(o -> o.type()).orElse(null), a.areaCode(),
                a.roles(), org.waymark.access.CurrentUser.AuthenticationMethod.PASSWORD));
    }

    @Override
    public List<Member> membersAround(String areaCode, Set<Role> roles) {
        if (areaCode == null) {
            return List.of();
        }
        var areas = new LinkedHashSet<String>();
        geography.lineage(areaCode).stream().map(Area::code).forEach(areas::add);
        var pending = new ArrayList<String>(List.of(areaCode));
        while (!pending.isEmpty()) {
            String code = pending.remove(pending.size() - 1);
            areas.add(code);
            geography.children(code).forEach(a -> pending.add(a.code()));
        }
        return accounts.enabledInAreas(areas).stream()
                .filter(a -> a.roles().stream().anyMatch(roles::contains))
                .sorted(java.util.Comparator.comparing(a -> a.displayName().toLowerCase(java.util.Locale.ROOT)))
                .map(a -> new Member(a.id(), a.displayName(), a.organisationCode(), a.roles())).toList();
    }
}
