/** Image retention policies: which tags a repository keeps (by age, by count, with exempt tags) and what was removed. */
package io.wharf.domain.retention;
