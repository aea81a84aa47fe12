/** Huawei Cloud's SDK-HMAC-SHA256 request signature, recomputed to authenticate AK/SK-signed calls. */
package io.wharf.integration.signing;
