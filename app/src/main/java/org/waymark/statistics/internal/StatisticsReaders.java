package org.waymark.statistics.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.waymark.access.Area;
import org.waymark.access.AreaType;
import org.waymark.access.CurrentUser;
import org.waymark.access.Geography;
import org.waymark.access.RecordNotFoundException;
import org.waymark.access.Role;
import org.waymark.govuk.DisplayDates;
import org.waymark.govuk.FormErrors;
import org.waymark.statistics.internal.ReferralStatistics.Scope;

/**
 * Who may read which statistics: an analyst any area or the whole of England and Wales, a manager their own area
 * and the areas inside it. An area a reader may not see is answered exactly as one that does not exist.
 */
@Component
class StatisticsReaders {

    /** A request's period and area, checked: {@code errors} says what was wrong with the parameters. */
    record Query(FinancialPeriod period, String area, FormErrors errors) {
    }

    private final Geography geography;
    private final Clock clock;

    StatisticsReaders(Geography geography, Clock clock) {
        this.geography = geography;
        this.clock = clock;
    }

    static boolean reads(CurrentUser user) {
        return user.has(Role.ANALYST) || user.has(Role.MANAGER);
    }

    /** The financial year now (the default when none is asked for). */
    int currentYear() {
        return FinancialPeriod.yearOf(LocalDate.now(clock.withZone(DisplayDates.UK)));
    }

    Query query(String financialYear, String quarter, String area) {
        var errors = new FormErrors();
        int year = currentYear();
        if (financialYear != null && !financialYear.isBlank()) {
            try {
                year = Integer.parseInt(financialYear.strip());
                if (year < FinancialPeriod.FIRST_YEAR || year > currentYear()) {
                    errors.add("financialYear", "statistics.year.range", String.valueOf(FinancialPeriod.FIRST_YEAR), String.valueOf(currentYear()));
                    year = currentYear();
                }
            } catch (NumberFormatException e) {
                errors.add("financialYear", "statistics.year.number");
            }
        }
        Integer q = null;
        if (quarter != null && !quarter.isBlank()) {
            q = switch (quarter.strip()) {
                case "1", "2", "3", "4" -> Integer.parseInt(quarter.strip());
                default -> {
                    errors.add("quarter", "statistics.quarter");
                    yield null;
                }
            };
        }
        String code = area == null || area.isBlank() ? null : area.strip().toUpperCase(java.util.Locale.ROOT);
        return new Query(new FinancialPeriod(year, q), code, errors);
    }

    /** The scope the reader asked for, if they may read it; otherwise as if the area did not exist. */
    Scope scope(CurrentUser user, String areaCode) {
        return allowed(user, areaCode).orElseThrow(() -> new RecordNotFoundException("AREA", String.valueOf(areaCode)));
    }

    private Optional<Scope> allowed(CurrentUser user, String areaCode) {
        if (user.has(Role.ANALYST)) {
            if (areaCode == null) {
                return Optional.of(Scope.NATIONAL);
            }
            return geography.area(areaCode).map(StatisticsReaders::scopeOf);
        }
        if (user.has(Role.MANAGER) && user.areaCode() != null) {
            String code = areaCode == null ? user.areaCode() : areaCode;
            if (geography.area(code).isPresent() && geography.contains(user.areaCode(), code)) {
                return geography.area(code).map(StatisticsReaders::scopeOf);
            }
        }
        return Optional.empty();
    }

    private static Scope scopeOf(Area a) {
        return new Scope(a.code(), a.name(), a.type().name());
    }

    /** The areas a reader may choose from: everything for an analyst, their own area and what is inside it for a manager. */
    List<Area> choices(CurrentUser user) {
        var out = new ArrayList<Area>();
        if (user.has(Role.ANALYST)) {
            for (AreaType type : List.of(AreaType.CTP_REGION, AreaType.POLICE_FORCE_AREA, AreaType.LOCAL_AUTHORITY)) {
                out.addAll(geography.areas(type));
            }
            return out;
        }
        if (user.areaCode() == null) {
            return out;
        }
        var pending = new java.util.ArrayDeque<String>(List.of(user.areaCode()));
        while (!pending.isEmpty()) {
            String code = pending.pop();
            geography.area(code).ifPresent(out::add);
            geography.children(code).forEach(a -> pending.add(a.code()));
        }
        return out;
    }
}
