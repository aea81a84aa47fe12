/** An account's usage: what it holds now, and day by day what it stores and how much is pulled from it. */
package io.wharf.domain.usage;
