package org.waymark.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.waymark.access.CurrentUser;
import org.waymark.access.CurrentUsers;
import org.waymark.access.Role;

/** What every page's layout needs: the signed-in user, their navigation, whether this is a demo. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutAdvice {

    private final boolean demo;

    LayoutAdvice(@Value("${waymark.demo:false}") boolean demo) {
        this.demo = demo;
    }

    /** A link in the service navigation; {@code key} is its message code. */
    record NavItem(String key, String href, boolean current) {
    }

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        return CurrentUsers.current().orElse(null);
    }

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return demo;
    }

    @ModelAttribute("navigation")
    List<NavItem> navigation(HttpServletRequest request) {
        var user = CurrentUsers.current().orElse(null);
        var items = new ArrayList<NavItem>();
        if (user == null) {
            return items;
        }
        String path = request.getRequestURI();
        items.add(new NavItem("nav.home", "/", "/".equals(path)));
        if (user.has(Role.DPO)) {
            items.add(new NavItem("nav.audit", "/audit", path.startsWith("/audit")));
        }
        if (user.has(Role.ADMIN)) {
            items.add(new NavItem("nav.users", "/admin/users", path.startsWith("/admin")));
        }
        items.add(new NavItem("nav.account", "/account", path.startsWith("/account")));
        return items;
    }
}
