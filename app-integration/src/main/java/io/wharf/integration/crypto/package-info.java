/** Encryption of stored secrets with AES-256-GCM, keyed from configuration. */
package io.wharf.integration.crypto;
