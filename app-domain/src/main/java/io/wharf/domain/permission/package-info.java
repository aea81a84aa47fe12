/**
 * Rights ({@code auth}: 7 manage, 3 edit, 1 read) and the one place that decides which right a caller holds on an
 * organization.
 */
package io.wharf.domain.permission;
