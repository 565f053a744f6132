package org.waymark.statistics.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.access.Geography;
import org.waymark.govuk.FormErrors;
import org.waymark.statistics.AreaFigures;

/** {@link AreaFigures} from the same tables, and the same suppression, as the published statistics. */
@Component
class PublishedAreaFigures implements AreaFigures {

    private final StatisticsReaders readers;
    private final ReferralTables tables;
    private final Geography geography;

    PublishedAreaFigures(StatisticsReaders readers, ReferralTables tables, Geography geography) {
        this.readers = readers;
        this.tables = tables;
        this.geography = geography;
    }

    @Override
    @Transactional(readOnly = true)
    public Figures of(String areaCode, String financialYear, String quarter) {
        var query = readers.query(financialYear, quarter, areaCode);
        query.errors().throwIfAny();
        var area = geography.area(query.area() == null ? "" : query.area()).orElseThrow(() -> new FormErrors.Invalid(new FormErrors().add("area", "statistics.area.invalid")));
        var scope = new ReferralStatistics.Scope(area.code(), area.name(), area.type().name());
        var s = tables.count(query.period(), scope, false);
        var sector = s.breakdowns().get("sector");
        var bySector = sector == null ? java.util.List.<Category>of()
                : sector.rows().stream().map(r -> new Category(r.label(), r.referrals())).toList();
        var equality = s.equality().stream().map(l -> new EqualityLine(l.characteristic(), l.label(), l.referredShare(), l.adoptedShare(), l.flagged()))
                .toList();
        return new Figures(query.period().label(), area.code(), area.name(), s.totals().referrals(), s.totals().discussedAtPanel(), s.totals().adopted(),
                bySector, equality);
    }
}
