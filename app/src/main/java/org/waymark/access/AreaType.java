package org.waymark.access;

/** Levels of the geography: local authorities sit in police force areas, which sit in CTP regions. */
public enum AreaType {
    CTP_REGION,
    POLICE_FORCE_AREA,
    LOCAL_AUTHORITY
}
