/** Clients of the outside world and the cryptographic schemes Wharf speaks: password hashing, signatures, registries. */
package io.wharf.integration;
