package org.waymark.web;

import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** GOV.UK Frontend's assets served from its webjar, at the paths its stylesheet expects. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final String GOVUK = "classpath:/META-INF/resources/webjars/govuk-frontend/" + GovukFrontend.VERSION + "/dist/govuk/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**").addResourceLocations(GOVUK + "assets/")
                .setCachePeriod(31_536_000);
        registry.addResourceHandler("/govuk/**").addResourceLocations(GOVUK).setCachePeriod(86_400);
    }

    /**
     * English, except under {@code /cy/}: the public referral form is offered in Welsh (Welsh Language Act 1993),
     * chosen by its address so a link, a bookmark and a printout all keep the language.
     */
    @Bean
    LocaleResolver localeResolver() {
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(jakarta.servlet.http.HttpServletRequest request) {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                return path.startsWith("/cy/") || path.equals("/cy") ? WELSH : Locale.UK;
            }

            @Override
            public void setLocale(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                    Locale locale) {
                throw new UnsupportedOperationException("the language follows the address: /cy/ for Welsh");
            }
        };
    }

    public static final Locale WELSH = Locale.forLanguageTag("cy");
}
