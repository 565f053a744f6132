package org.waymark.screening.internal;

import org.springframework.stereotype.Component;

/** Screening's use cases, one service each, as its pages and API reach them. */
@Component
record ScreeningServices(ScreeningDecisions decisions, DeconflictionRegister register) {
}
