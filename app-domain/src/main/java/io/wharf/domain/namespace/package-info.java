/**
 * Organizations (SWR "namespaces"): the global, path-forming names under which an account keeps its image
 * repositories, the naming rules of the pages, and the port that stores them.
 */
package io.wharf.domain.namespace;
