/**
 * Wharf's domain: one package per aggregate (accounts, tokens, organizations, permissions) with its value objects,
 * its ports and its rules. Nothing here knows about HTTP, SQL or the container.
 */
package io.wharf.domain;
