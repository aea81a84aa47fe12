/**
 * Image repositories inside organizations: their names (with {@code /}, written {@code $} in URL paths), categories,
 * tags, and the ports that store them.
 */
package io.wharf.domain.repository;
