/**
 * Replication between sites: the public service's image sync to another region, where a region is any OCI registry
 * Wharf's operator declares (another Wharf, a Harbor, a docker-registry). A repository syncs to a region's namespace
 * automatically after each push, or by hand; each tag copied is a job with a state and, when it failed, the reason.
 */
package io.wharf.domain.replication;
