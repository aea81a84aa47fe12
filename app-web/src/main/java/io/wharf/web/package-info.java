/**
 * The one WAR: JAX-RS resources and console pages at the edge, the application services that are the transaction
 * boundary, and the servlet plumbing (request ids, health). Talks to storage only through the domain's ports.
 */
package io.wharf.web;
