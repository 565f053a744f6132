/**
 * Who the users are, where they work, and what they may do: geography and organisations as reference
 * data, accounts and roles, sign-in, API tokens, and the one access-decision point every module asks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package org.waymark.access;
