package org.waymark.access;

/**
 * A geographic area with its ONS code (e.g. {@code E09000007} Camden, {@code E23000001} Metropolitan Police)
 * or, for counter-terrorism policing regions, a Waymark code such as {@code CTP-LON}.
 */
public record Area(String code, String name, AreaType type, String parentCode) {
}
