package org.waymark.access;

import java.util.List;
import java.util.Optional;

/** Reference data: areas and organisations, and the lookup between the levels of the geography. */
public interface Geography {

    List<Area> areas(AreaType type);

    Optional<Area> area(String code);

    /** The areas directly inside the given one (police force areas of a region, authorities of a force). */
    List<Area> children(String code);

    /** The area itself and every area above it, nearest first (authority, force area, region). */
    List<Area> lineage(String code);

    /** Whether {@code inner} is {@code outer} or lies inside it. */
    default boolean contains(String outer, String inner) {
        return lineage(inner).stream().anyMatch(a -> a.code().equals(outer));
    }

    List<Organisation> organisations();

    Optional<Organisation> organisation(String code);
}
