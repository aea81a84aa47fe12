/**
 * The server-side HTML console: one servlet that routes to page controllers ({@code *Pages}), Thymeleaf templates
 * under {@code WEB-INF/templates}, session sign-in with a CSRF token on every form. Works with JavaScript off.
 */
package io.wharf.web.console;
