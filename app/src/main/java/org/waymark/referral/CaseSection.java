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
public record CaseSection(String key, String titleKey, String fragment, Object content,
        @com.fasterxml.jackson.annotation.JsonIgnore java.util.List<Printed> printed) {

    /** A section with nothing for the printed case summary (the page's own working tools). */
    public CaseSection(String key, String titleKey, String fragment, Object content) {
        this(key, titleKey, fragment, content, java.util.List.of());
    }

    /**
     * One line of the section in the printed case summary, in words (never a code): a field, or, with no label,
     * a paragraph. What a section prints is what its reader may see on the page.
     */
    public record Printed(String label, String text) {
        public static Printed paragraph(String text) {
            return new Printed(null, text);
        }
    }
}
