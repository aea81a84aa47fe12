/** The one parser of the SWR {@code filter=key::value|key::value} syntax that every list endpoint uses. */
package io.wharf.web.query;
