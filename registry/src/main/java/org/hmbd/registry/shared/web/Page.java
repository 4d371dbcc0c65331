package org.hmbd.registry.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of the web UI (server-rendered pages, ADR 0016): its failures become an
 * error page in the user's language ({@code PageErrors}) instead of a problem document, and the
 * page model carries the signed-in account and the language switch.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Page {
}
