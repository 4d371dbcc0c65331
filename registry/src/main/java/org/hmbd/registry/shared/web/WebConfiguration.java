package org.hmbd.registry.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /** The cookie that remembers the language chosen with the switch on every page. */
    static final String LANGUAGE_COOKIE = "hmbd-lang";
    /** The supported languages: Simplified Chinese first (the default), English. */
    static final List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    /**
     * The language chosen with the switch (remembered in a cookie for a year); otherwise the one the
     * client asks for among the supported; otherwise Simplified Chinese. API clients without the
     * cookie are answered in the language of their {@code Accept-Language}, as before.
     */
    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver accept = new AcceptHeaderLocaleResolver();
        accept.setSupportedLocales(LANGUAGES);
        accept.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        CookieLocaleResolver resolver = new CookieLocaleResolver(LANGUAGE_COOKIE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(accept::resolveLocale);
        return new SupportedOnly(resolver, accept);
    }

    /** A cookie naming a language the registry does not speak counts as no cookie. */
    private record SupportedOnly(CookieLocaleResolver cookie, AcceptHeaderLocaleResolver accept)
            implements LocaleResolver {

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            Locale l = cookie.resolveLocale(request);
            return language(l) != null ? language(l) : accept.resolveLocale(request);
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            cookie.setLocale(request, response, language(locale));
        }
    }

    /** The supported language of a locale ({@code zh}, {@code zh-CN} and {@code zh-Hans} are Chinese), or null. */
    static Locale language(Locale l) {
        if (l == null) {
            return null;
        }
        return switch (l.getLanguage()) {
            case "zh" -> Locale.SIMPLIFIED_CHINESE;
            case "en" -> Locale.ENGLISH;
            default -> null;
        };
    }

    /** The switch: {@code ?lang=zh-CN} or {@code ?lang=en} on any page sets the language; other values are ignored. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String lang = request.getParameter("lang");
                Locale chosen = lang == null || lang.length() > 10 ? null : language(Locale.forLanguageTag(lang));
                if (chosen != null) {
                    org.springframework.web.servlet.support.RequestContextUtils.getLocaleResolver(request)
                            .setLocale(request, response, chosen);
                }
                return true;
            }
        }).excludePathPatterns("/api/**", "/fhir/**", "/actuator/**");
    }
}
