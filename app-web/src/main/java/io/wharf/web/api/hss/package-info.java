/** The HSS image API under {@code /v5/{project_id}/image}, in HSS's shapes (snake_case, times in epoch milliseconds). */
package io.wharf.web.api.hss;
