/**
 * Access keys (AK/SK) for signed API calls: the key pair of a user, kept with the secret encrypted, the cipher port
 * that encrypts it, and the signature scheme port that checks a request.
 */
package io.wharf.domain.credential;
