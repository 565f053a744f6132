package org.waymark.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.waymark.access.CurrentUser;
import org.waymark.access.CurrentUsers;
import org.waymark.access.Role;

/**
 * What every page's layout needs: the signed-in user, their navigation, whether this is a demo. A bean the
 * layout calls as {@code @layout}, not model attributes, so error pages (rendered by Spring Boot's error
 * controller, which controller advice does not reach) get the same header as every other page.
 */
@Component("layout")
class Layout {

    private final boolean demo;
    private final java.time.Duration idleTimeout;

    Layout(@Value("${waymark.demo:false}") boolean demo,
            @Value("${waymark.security.session-idle-timeout:PT30M}") java.time.Duration idleTimeout) {
        this.demo = demo;
        this.idleTimeout = idleTimeout;
    }

    /** How long a session lasts without activity, in seconds and in minutes (for the timeout warning). */
    public long idleSeconds() {
        return idleTimeout.toSeconds();
    }

    /** How long before the session ends the warning appears: two minutes, or a third of a short session. */
    public long warnSeconds() {
        return Math.min(120, idleTimeout.toSeconds() / 3);
    }

    public long idleMinutes() {
        return idleTimeout.toMinutes();
    }

    /** A link in the service navigation; {@code key} is its message code. */
    public record NavItem(String key, String href, boolean current) {
    }

    public CurrentUser currentUser() {
        return CurrentUsers.current().orElse(null);
    }

    public boolean demoMode() {
        return demo;
    }

    public List<NavItem> navigation() {
        var user = CurrentUsers.current().orElse(null);
        var items = new ArrayList<NavItem>();
        if (user == null) {
            return items;
        }
        String path = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRequestURI() : "";
        items.add(new NavItem("nav.home", "/", "/".equals(path)));
        if (java.util.stream.Stream.of(Role.REFERRER, Role.GATEWAY_OFFICER, Role.PREVENT_CASE_OFFICER, Role.CHANNEL_COORDINATOR,
                Role.CHANNEL_CHAIR, Role.PANEL_MEMBER, Role.INTERVENTION_PROVIDER, Role.MANAGER).anyMatch(user::has)) {
            items.add(new NavItem("nav.referrals", "/referrals", path.startsWith("/referrals")));
        }
        if (java.util.stream.Stream.of(Role.GATEWAY_OFFICER, Role.PREVENT_CASE_OFFICER, Role.CHANNEL_COORDINATOR, Role.CHANNEL_CHAIR,
                Role.MANAGER).anyMatch(user::has)) {
            items.add(new NavItem("nav.cases", "/cases", path.startsWith("/cases")));
        }
        if (user.isPolice() && (user.has(Role.GATEWAY_OFFICER) || user.has(Role.MANAGER))) {
            items.add(new NavItem("nav.people", "/people", path.startsWith("/people")));
            items.add(new NavItem("nav.register", "/deconfliction-register", path.startsWith("/deconfliction-register")));
        }
        if (user.has(Role.CHANNEL_COORDINATOR) || user.has(Role.CHANNEL_CHAIR) || user.has(Role.PANEL_MEMBER)) {
            items.add(new NavItem("nav.meetings", "/panel-meetings", path.startsWith("/panel-meetings")));
        }
        if (user.has(Role.INTERVENTION_PROVIDER)) {
            items.add(new NavItem("nav.interventions", "/interventions", path.startsWith("/interventions")));
        }
        if (!user.has(Role.ANALYST) && !user.has(Role.CONTENT_ANALYST) && !user.has(Role.ADMIN) && !user.has(Role.DPO)
                && !user.has(Role.PROGRAMME_MANAGER)) {
            items.add(new NavItem("nav.requests", "/information-requests", path.startsWith("/information-requests")));
        }
        if (user.has(Role.CONTENT_ANALYST)) {
            items.add(new NavItem("nav.content", "/content", path.startsWith("/content") && !isFigures(path)));
        }
        if (user.has(Role.CONTENT_ANALYST) || user.has(Role.MANAGER)) {
            items.add(new NavItem("nav.contentFigures", "/content/platforms", isFigures(path)));
        }
        if (user.has(Role.ANALYST) || user.has(Role.MANAGER)) {
            items.add(new NavItem("nav.statistics", "/statistics", path.startsWith("/statistics")));
        }
        addProgrammeAndOversight(items, user, path);
        return items;
    }

    /** The pages of those who run and oversee the service rather than its cases: programme, data protection, accounts. */
    private static void addProgrammeAndOversight(List<NavItem> items, org.waymark.access.CurrentUser user, String path) {
        if (user.has(Role.PROGRAMME_MANAGER)) {
            items.add(new NavItem("nav.programme", "/programme", path.startsWith("/programme")));
        }
        if (user.has(Role.DPO)) {
            items.add(new NavItem("nav.audit", "/audit", path.startsWith("/audit")));
            items.add(new NavItem("nav.retention", "/retention", path.startsWith("/retention")));
            items.add(new NavItem("nav.subjectAccess", "/subject-access", path.startsWith("/subject-access")));
        }
        if (user.has(Role.ADMIN)) {
            items.add(new NavItem("nav.users", "/admin/users", path.startsWith("/admin")));
        }
        items.add(new NavItem("nav.account", "/account", path.startsWith("/account")));
    }

    private static boolean isFigures(String path) {
        return path.startsWith("/content/platforms") || path.startsWith("/content/transparency");
    }
}
