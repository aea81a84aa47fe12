/**
 * How a start that cannot succeed ends, the same from every layer: its reason on one line, and on Wharf's own server
 * the process's exit, so that its supervisor sees it.
 */
package io.wharf.domain.startup;
