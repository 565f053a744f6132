package org.waymark.channel.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.waymark.channel.internal.ChannelForms.AgreementForm;

/** A case leaves Channel only when every organisation at the panel agrees: the exit is a multi-agency decision. */
final class ExitAgreement {

    private ExitAgreement() {
    }

    /** The attending organisations that have not said they agree, in the meeting's order; empty when all have. */
    static Set<String> missing(Collection<String> attending, List<AgreementForm> agreements) {
        var agreed = new LinkedHashSet<String>();
        if (agreements != null) {
            agreements.stream().filter(a -> a != null && Boolean.TRUE.equals(a.agreed()) && a.organisation() != null)
                    .forEach(a -> agreed.add(a.organisation().trim()));
        }
        var missing = new LinkedHashSet<>(attending);
        missing.removeAll(agreed);
        return missing;
    }
}
