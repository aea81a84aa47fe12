/** The separator rule that organization and repository names share, with the words that name a broken rule. */
package io.wharf.domain.naming;
