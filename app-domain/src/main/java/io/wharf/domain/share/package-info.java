/**
 * Sharing ("access domains"): an image repository shared with another account, with a permit and a deadline, and the
 * lists of what an account shares and what is shared with it.
 */
package io.wharf.domain.share;
