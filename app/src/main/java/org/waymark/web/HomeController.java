package org.waymark.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.waymark.access.CurrentUsers;
import org.waymark.access.Role;

/** The home page: each of the user's roles with its work queue. */
@Controller
class HomeController {

    private final List<WorkQueues> suppliers;

    HomeController(List<WorkQueues> suppliers) {
        this.suppliers = suppliers;
    }

    @GetMapping("/")
    String home(Model model) {
        var user = CurrentUsers.require();
        var queues = new ArrayList<WorkQueue>();
        suppliers.forEach(s -> queues.addAll(s.queuesFor(user)));
        for (Role role : user.roles().stream().sorted().toList()) {
            if (queues.stream().noneMatch(q -> q.role() == role)) {
                queues.add(new WorkQueue(role, "queue." + role.name() + ".title", "queue." + role.name() + ".empty", List.of()));
            }
        }
        model.addAttribute("queues", queues);
        return "web/home";
    }

    @GetMapping({"/privacy", "/cy/privacy"})
    String privacy(Model model) {
        return information(model, "privacy");
    }

    @GetMapping({"/accessibility", "/cy/accessibility"})
    String accessibility(Model model) {
        return information(model, "accessibility");
    }

    @GetMapping({"/cookies", "/cy/cookies"})
    String cookies(Model model) {
        return information(model, "cookies");
    }

    private static String information(Model model, String page) {
        model.addAttribute("page", page);
        return "web/information";
    }
}
