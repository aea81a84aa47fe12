/** Password hashing with PBKDF2-HMAC-SHA256 from the JDK: slow, salted, and self-describing in its stored form. */
package io.wharf.integration.password;
