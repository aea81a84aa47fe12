/** Webhook delivery over HTTP for triggers. */
package io.wharf.integration.webhook;
