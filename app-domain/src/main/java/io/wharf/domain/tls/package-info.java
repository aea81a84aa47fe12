/** HTTPS from the operator's certificate files: the port through which the web layer gets a keystore. */
package io.wharf.domain.tls;
