/** The audit trail's query API, modelled on Cloud Trace Service's {@code GET /v3/{project_id}/traces}. */
package io.wharf.web.api.audit;
