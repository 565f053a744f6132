/**
 * GOV.UK Design System helpers shared by every module's pages and API: form errors as message codes,
 * shown as an error summary and field errors in the UI and as problem details in the API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "GOV.UK components")
package org.waymark.govuk;
