/**
 * Information requests: a gateway officer or a Channel coordinator asks a partner organisation what it holds about
 * the person a case is about, and the partner answers. A home of their own because both police and councils use
 * them, and every partner may be asked. Both ways are disclosures, recorded on the case.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Information requests")
package org.waymark.requests;
