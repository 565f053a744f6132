package org.waymark.access.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.access.Area;
import org.waymark.access.AreaType;
import org.waymark.access.Geography;
import org.waymark.access.Organisation;
import org.waymark.access.OrganisationType;
import org.waymark.csv.Csv;

/**
 * Geography and organisations. The shipped CSV files ({@code reference/*.csv}) are loaded into the
 * database on start (new rows only, so local additions survive) and then held in memory: they are small
 * and read on almost every request.
 */
@Component
class JdbcGeography implements Geography {

    static final String HOME_OFFICE = "HOME-OFFICE";
    static final String CTIRU = "CTIRU";

    private final JdbcClient jdbc;
    private volatile Map<String, Area> areas = Map.of();
    private volatile Map<String, Organisation> organisations = Map.of();

    JdbcGeography(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ContextRefreshedEvent.class)
    @Order(0)
    @Transactional
    public void loadReferenceData() {
        Integer existing = jdbc.sql("select count(*) from area").query(Integer.class).single();
        if (existing == 0) {
            var rows = new ArrayList<Area>();
            for (var r : csv("reference/ctp-regions.csv")) {
                rows.add(new Area(r[0], r[1], AreaType.CTP_REGION, null));
            }
            for (var r : csv("reference/police-force-areas.csv")) {
                rows.add(new Area(r[0], r[1], AreaType.POLICE_FORCE_AREA, r[2]));
            }
            for (var r : csv("reference/local-authorities.csv")) {
                rows.add(new Area(r[0], r[1], AreaType.LOCAL_AUTHORITY, r[2]));
            }
            for (Area a : rows) {
                jdbc.sql("insert into area (code, name, type, parent_code) values (?, ?, ?, ?)")
                        .params(a.code(), a.name(), a.type().name(), a.parentCode()).update();
            }
            var now = OffsetDateTime.now(ZoneOffset.UTC);
            insertOrganisation(new Organisation(HOME_OFFICE, "Home Office", OrganisationType.HOME_OFFICE, null), now);
            insertOrganisation(new Organisation(CTIRU, "Counter Terrorism Internet Referral Unit",
                    OrganisationType.INTERNET_REFERRAL_UNIT, null), now);
            for (Area a : rows) {
                insertOrganisation(organisationFor(a), now);
            }
        }
        refresh();
    }

    /** Every area has the organisation that serves it: its council, its police force, its CTP unit. */
    static Organisation organisationFor(Area area) {
        return switch (area.type()) {
            case LOCAL_AUTHORITY -> new Organisation("LA-" + area.code(), area.name() + " (local authority)",
                    OrganisationType.LOCAL_AUTHORITY, area.code());
            case POLICE_FORCE_AREA -> new Organisation("PF-" + area.code(),
                    area.name().contains("Police") ? area.name() : area.name() + " Police",
                    OrganisationType.POLICE_FORCE, area.code());
            case CTP_REGION -> new Organisation(area.code(), area.name(), OrganisationType.CTP_REGION_UNIT, area.code());
        };
    }

    void insertOrganisation(Organisation o, OffsetDateTime now) {
        jdbc.sql("insert into organisation (code, name, type, area_code, created_at) values (?, ?, ?, ?, ?)")
                .params(o.code(), o.name(), o.type().name(), o.areaCode(), now).update();
    }

    synchronized void refresh() {
        var loadedAreas = new LinkedHashMap<String, Area>();
        jdbc.sql("select code, name, type, parent_code from area order by name")
                .query((rs, n) -> new Area(rs.getString(1), rs.getString(2), AreaType.valueOf(rs.getString(3)), rs.getString(4)))
                .list().forEach(a -> loadedAreas.put(a.code(), a));
        var loadedOrganisations = new LinkedHashMap<String, Organisation>();
        jdbc.sql("select code, name, type, area_code from organisation order by name")
                .query((rs, n) -> new Organisation(rs.getString(1), rs.getString(2),
                        OrganisationType.valueOf(rs.getString(3)), rs.getString(4)))
                .list().forEach(o -> loadedOrganisations.put(o.code(), o));
        areas = Map.copyOf(loadedAreas);
        organisations = Map.copyOf(loadedOrganisations);
    }

    @Override
    public List<Area> areas(AreaType type) {
        return areas.values().stream().filter(a -> a.type() == type).sorted(Comparator.comparing(Area::name)).toList();
    }

    @Override
    public Optional<Area> area(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(areas.get(code));
    }

    @Override
    public List<Area> children(String code) {
        return areas.values().stream().filter(a -> code.equals(a.parentCode()))
                .sorted(Comparator.comparing(Area::name)).toList();
    }

    @Override
    public List<Area> lineage(String code) {
        var result = new ArrayList<Area>();
        Area current = areas.get(code);
        while (current != null && result.size() < 5) {
            result.add(current);
            current = current.parentCode() == null ? null : areas.get(current.parentCode());
        }
        return result;
    }

    @Override
    public List<Organisation> organisations() {
        return organisations.values().stream().sorted(Comparator.comparing(Organisation::name)).toList();
    }

    @Override
    public Optional<Organisation> organisation(String code) {
        if (code == null) {
            return Optional.empty();
        }
        var known = organisations.get(code);
        if (known != null) {
            return Optional.of(known);
        }
        // Created since the cache was loaded, perhaps by another node or by ./waymark admin: read it and reload.
        boolean exists = jdbc.sql("select count(*) from organisation where code = ?").param(code).query(Long.class).single() > 0;
        if (exists) {
            refresh();
        }
        return Optional.ofNullable(organisations.get(code));
    }

    private static List<String[]> csv(String path) {
        return Csv.resource(path);
    }
}
