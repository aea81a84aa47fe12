/** Image assets as HSS lists them: every tagged image an account owns or was shared, across registries. */
package io.wharf.domain.asset;
