package org.hmbd.registry.auth.web;

import io.swagger.v3.oas.models.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.Permission;
import org.hmbd.registry.auth.Permits;
import org.hmbd.registry.auth.Role;
import org.hmbd.registry.shared.DomainException;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Decides the role part of every REST operation from its declared {@link Permission}, before the
 * handler runs and before its body is read: 403 {@code role} for an account holding none of the
 * permission's roles. Fails closed: the server does not start while a handler of the registry
 * declares no permission. The declaration is also published in the API description
 * ({@code x-permission}, {@code x-roles}, {@code x-reach} on each operation of {@code /v3/api-docs}).
 */
@Configuration(proxyBeanMethods = false)
class PermissionInterceptor implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // before the audit's ATTEMPT record: a call refused for its role writes nothing but its outcome
        registry.addInterceptor(this).addPathPatterns("/**").excludePathPatterns("/assets/**", "/webjars/**")
                .order(-10);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !isOurs(method)) {
            return true;
        }
        Permission needed = permission(method);
        if (needed == Permission.PUBLIC || needed.roles().isEmpty()) {
            return true; // anyone, or any signed-in account (the security filters required the sign-in)
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Actor actor = authentication == null ? null : SecurityConfiguration.actorOf(authentication.getPrincipal());
        if (actor == null || !needed.allows(actor.roles())) {
            throw DomainException.forbidden("role", needed.roles().stream().map(Role::name).sorted()
                    .collect(Collectors.joining(" / ")));
        }
        return true;
    }

    static boolean isOurs(HandlerMethod method) {
        return method.getBeanType().getName().startsWith("org.hmbd.registry.");
    }

    static Permission permission(HandlerMethod method) {
        Permits permits = method.getMethodAnnotation(Permits.class);
        if (permits == null) {
            throw new IllegalStateException(method + " declares no @Permits");
        }
        return permits.value();
    }

    /** Refuses to start with a handler of the registry that declares no permission. */
    @Bean
    static SmartInitializingSingleton everyHandlerDeclaresItsPermission(
            org.springframework.beans.factory.ObjectProvider<RequestMappingHandlerMapping> mappings) {
        return () -> mappings.orderedStream().forEach(mapping -> {
            List<String> undeclared = mapping.getHandlerMethods().values().stream().filter(PermissionInterceptor::isOurs)
                    .filter(m -> m.getMethodAnnotation(Permits.class) == null).map(Object::toString).toList();
            if (!undeclared.isEmpty()) {
                throw new IllegalStateException("Handlers without @Permits (every operation declares its permission): "
                        + undeclared);
            }
        });
    }

    /** The permission in the API description, so that clients and the authorization matrix read it. */
    @Bean
    static OperationCustomizer permissionInApiDescription() {
        return (Operation operation, HandlerMethod method) -> {
            if (isOurs(method) && method.getMethodAnnotation(Permits.class) != null) {
                Permission p = permission(method);
                operation.addExtension("x-permission", p.name());
                operation.addExtension("x-reach", p.reach().name());
                operation.addExtension("x-roles", p.roles().stream().map(Role::name).sorted().toList());
            }
            return operation;
        };
    }

}
