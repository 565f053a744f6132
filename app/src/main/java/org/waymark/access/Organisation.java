package org.waymark.access;

/** An organisation whose staff use Waymark, with the area it serves where it has one. */
public record Organisation(String code, String name, OrganisationType type, String areaCode) {
}
