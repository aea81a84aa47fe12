/**
 * Triggers: what a repository does when an image is pushed or updated. The public service updates a container
 * workload; Wharf delivers a signed webhook event instead, with the SWR fields passed along so a receiver can act.
 */
package io.wharf.domain.trigger;
