/**
 * The JSON APIs: one JAX-RS application per API root ({@code /v2/manage}, {@code /v3}, {@code /v5}), the filters that
 * authenticate callers and bound request bodies, JSON settings, and the one mapper from errors to responses.
 */
package io.wharf.web.api;
