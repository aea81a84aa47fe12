/** Read-only maintenance mode: one switch for the whole installation, with the reason readers are given. */
package io.wharf.domain.maintenance;
