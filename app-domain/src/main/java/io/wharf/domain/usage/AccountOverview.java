package io.wharf.domain.usage;

/** What an account holds now, and the bytes pulled from it so far. */
public record AccountOverview(long namespaces, long repositories, long images, long storeBytes, long downflowBytes) {
}
