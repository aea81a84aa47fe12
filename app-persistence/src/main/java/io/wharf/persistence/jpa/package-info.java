/**
 * JPA rows (one per table, never seen outside this package) and the implementations of the domain's ports over them.
 * Database errors are translated here: a duplicate key becomes the domain's conflict error.
 */
package io.wharf.persistence.jpa;
