/**
 * Wharf's settings in one typed, documented place: every name, its default, its rule and whether it is secret; read
 * from a system property, the environment or an optional properties file; checked as a whole at start.
 */
package io.wharf.domain.config;
