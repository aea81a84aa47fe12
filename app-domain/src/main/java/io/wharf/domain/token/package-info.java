/**
 * IAM tokens: the secret a client sends as {@code X-Auth-Token}, of which Wharf keeps only a SHA-256 digest, with
 * its owner and its lifetime.
 */
package io.wharf.domain.token;
