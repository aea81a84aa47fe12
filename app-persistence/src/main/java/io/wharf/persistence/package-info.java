/** Storage: the JPA mapping of the domain's aggregates, the implementations of its ports, and the schema migrations. */
package io.wharf.persistence;
