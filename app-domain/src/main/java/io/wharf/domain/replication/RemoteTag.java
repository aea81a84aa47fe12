package io.wharf.domain.replication;

/**
 * A tag at a region that a Wharf account's replication wrote: {@code repository} is the path at the site
 * ({@code prod/app}). The first account to write a tag keeps it; another account's job never replaces it, whatever
 * its {@code override} says, even where two grants overlap.
 */
public record RemoteTag(String regionId, String repository, String tag, String accountId) {
}
