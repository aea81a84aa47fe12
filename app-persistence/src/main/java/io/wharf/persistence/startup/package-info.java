/** The database waited for at start, before Hibernate or the migrations touch it. */
package io.wharf.persistence.startup;
