/** Per-account limits on organizations, repositories and storage, and what an account uses of them. */
package io.wharf.domain.quota;
