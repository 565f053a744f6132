package org.waymark.referral;

/**
 * One stage's part of the case page and the case API: screening, assessment, Channel. Modules supply them
 * through {@link CaseSections}, each deciding what the reader may see of it.
 *
 * @param key      the JSON property and HTML id
 * @param titleKey message code of the heading
 * @param fragment Thymeleaf fragment that renders {@code content} on the case page
 * @param content  what the section shows, as the API returns it
 */
public record CaseSection(String key, String titleKey, String fragment, Object content) {
}
