package org.waymark.web;

import org.springframework.stereotype.Component;
import org.waymark.access.Area;
import org.waymark.access.Geography;
import org.waymark.access.Organisation;

/**
 * Words, not codes: the name of an organisation or area for a page, called from templates as {@code @names}.
 * A code the reference data does not know is shown as it is rather than hidden, so nothing disappears.
 */
@Component("names")
public class Names {

    private final Geography geography;

    Names(Geography geography) {
        this.geography = geography;
    }

    public String organisation(String code) {
        return code == null || code.isBlank() ? "" : geography.organisation(code).map(Organisation::name).orElse(code);
    }

    public String area(String code) {
        return code == null || code.isBlank() ? "" : geography.area(code).map(Area::name).orElse(code);
    }
}
