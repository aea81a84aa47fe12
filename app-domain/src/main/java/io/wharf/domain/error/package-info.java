/**
 * The one catalogue of SWR error codes, each with the HTTP status the real service answers, and the exception that
 * carries a code from wherever a rule is broken to the single place that turns it into a response.
 */
package io.wharf.domain.error;
