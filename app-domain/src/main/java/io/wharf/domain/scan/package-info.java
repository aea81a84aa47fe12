/**
 * Image scanning: what an image holds ({@link io.wharf.domain.scan.Component}s of a software inventory), the
 * advisories of imported vulnerability feeds in the OSV schema's terms ({@link io.wharf.domain.scan.Advisory}), and
 * what a scan found.
 */
package io.wharf.domain.scan;
