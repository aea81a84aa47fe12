/**
 * Use cases: each service method is one transaction, checks who calls and what they may do, and speaks in domain
 * terms. Resources and pages call these; nothing here knows about HTTP.
 */
package io.wharf.web.application;
