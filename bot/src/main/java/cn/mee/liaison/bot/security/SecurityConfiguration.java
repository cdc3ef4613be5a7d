package cn.mee.liaison.bot.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two doors in: the REST API (HTTP Basic, stateless, JSON 401/403, never a redirect) and the console (form login,
 * session, CSRF). Health, metrics, the platforms' callbacks and notice attachments by link need no login; callbacks
 * prove themselves by signature instead, links by their token.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

    /** Bcrypt (and the other delegating encodings), a password that just matched remembered for a few minutes. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new RememberedPasswords(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    /**
     * Paths matched by Spring's path patterns (Spring Security 7's default) rather than by asking Spring MVC, on every
     * request and for every chain, which handler would serve it (MvcRequestMatcher through HandlerMappingIntrospector:
     * about a seventh of a callback's request thread, docs/performance.md, filing, fifth round). The bot's patterns are
     * plain paths and prefixes, which both match alike.
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean pathPatternMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /**
     * No Spring Security observations at all: {@code management.observations.enable.spring.security=false} only makes
     * them no-ops, while every filter of every chain stayed wrapped to make them, on every request.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        error(response, json, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized",
                                "需要登录：请使用控制台用户的用户名和密码（HTTP Basic）")))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> error(response, json,
                                HttpServletResponse.SC_UNAUTHORIZED, "unauthorized",
                                "需要登录：请使用控制台用户的用户名和密码（HTTP Basic）"))
                        .accessDeniedHandler((request, response, e) -> error(response, json,
                                HttpServletResponse.SC_FORBIDDEN, "forbidden", "当前用户的角色无权执行此操作")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    /**
     * The platforms' callbacks: nobody logs in (each callback proves itself by its signature, which its door checks
     * before anything else), and nothing of a browser's session, headers or redirects applies, so no filter of Spring
     * Security runs for them but the one that lets them through (docs/performance.md, filing, ninth round).
     */
    @Bean
    @Order(2)
    SecurityFilterChain platformCallbacks(HttpSecurity http) throws Exception {
        http.securityMatcher("/wecom/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .securityContext(context -> context.disable())
                .servletApi(servletApi -> servletApi.disable())
                .sessionManagement(session -> session.disable())
                .anonymous(anonymous -> anonymous.disable())
                .headers(headers -> headers.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(exceptions -> exceptions.disable())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    /**
     * A notice's attachment by the link a door that cannot send files put in the chat: no login (group members have
     * none), read only; the link's token is its proof, checked by the controller (404 when wrong).
     */
    @Bean
    @Order(3)
    SecurityFilterChain attachmentLinks(HttpSecurity http) throws Exception {
        return withoutLogin(http, "/files/notice/**",
                open -> open.requestMatchers(HttpMethod.GET, "/files/notice/*/*").permitAll());
    }

    @Bean
    @Order(4)
    SecurityFilterChain actuator(HttpSecurity http) throws Exception {
        return withoutLogin(http, "/actuator/**", open -> open.requestMatchers("/actuator/health",
                "/actuator/health/**", "/actuator/prometheus", "/actuator/info").permitAll());
    }

    /** A chain under {@code scope} nobody logs in to: what {@code open} permits goes through, the rest is refused. */
    private static SecurityFilterChain withoutLogin(HttpSecurity http, String scope,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> open)
            throws Exception {
        http.securityMatcher(scope)
                .authorizeHttpRequests(auth -> {
                    open.customize(auth);
                    auth.anyRequest().denyAll();
                })
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    @Bean
    @Order(5)
    SecurityFilterChain console(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error")
                        .permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/admin/**").hasRole("BUREAU_ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers.frameOptions(frame -> frame.deny()));
        return http.build();
    }

    private static void error(HttpServletResponse response, ObjectMapper json, int status, String error,
                              String message) throws IOException {
        response.setStatus(status);
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"liaison\", charset=\"UTF-8\"");
        }
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Map.of("error", error, "message", message));
    }
}
