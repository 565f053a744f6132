package org.waymark.web;

import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

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

    /** English now; Welsh (cy) when its bundle lands, chosen by the browser's language. */
    @Bean
    LocaleResolver localeResolver() {
        var resolver = new AcceptHeaderLocaleResolver();
        resolver.setDefaultLocale(Locale.UK);
        resolver.setSupportedLocales(java.util.List.of(Locale.UK, Locale.forLanguageTag("cy")));
        return resolver;
    }
}
