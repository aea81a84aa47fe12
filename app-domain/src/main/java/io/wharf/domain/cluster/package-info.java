/** What the nodes of a Wharf cluster share to share work: leases in the database. */
package io.wharf.domain.cluster;
