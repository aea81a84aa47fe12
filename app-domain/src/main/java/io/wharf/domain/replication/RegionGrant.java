package io.wharf.domain.replication;

import io.wharf.domain.error.WharfException;
import io.wharf.domain.namespace.NamespaceName;

import java.time.Instant;

/**
 * An account's right to write at a region: the remote organizations its repositories may be synced into, one name
 * ({@code prod}) or a prefix ({@code team-a-*}). A region is one set of credentials at a site shared by every account
 * Wharf serves, so without a grant no account writes there, and with one it writes only where the grant says.
 */
public record RegionGrant(String regionId, String accountId, String accountName, String namespaces, Instant createdAt) {
    /** Grants per region: enough for every account of a large Wharf, few enough to read on every sync. */
    public static final int MAX_PER_REGION = 1000;

    public RegionGrant {
        if (namespaces == null || namespaces.isEmpty()) {
            throw WharfException.invalid("namespaces", "namespaces is required: an organization name at the region, or a"
                    + " prefix ending in * such as team-a-*.");
        }
        String name = namespaces.endsWith("*") ? namespaces.substring(0, namespaces.length() - 1) : namespaces;
        if (name.isEmpty() || name.contains("*")) {
            throw WharfException.invalid("namespaces", "namespaces is one organization name or one prefix ending in *"
                    + " (at least one character before it); * alone would hand the whole site to one account.");
        }
        if (!namespaces.endsWith("*")) {
            try {
                new NamespaceName(name);
            } catch (WharfException e) {
                throw WharfException.invalid("namespaces", "namespaces is not an organization name: " + e.getMessage());
            }
        } else if (name.length() >= NamespaceName.MAX_LENGTH || !name.matches("[a-z][a-z0-9._-]*")) {
            throw WharfException.invalid("namespaces", "A prefix starts with a lowercase letter, holds only a-z, 0-9, '.',"
                    + " '_' and '-', and is shorter than an organization name.");
        }
    }

    /** Whether the grant lets its account write into {@code remoteNamespace}. */
    public boolean covers(String remoteNamespace) {
        return namespaces.endsWith("*")
                ? remoteNamespace.startsWith(namespaces.substring(0, namespaces.length() - 1))
                : remoteNamespace.equals(namespaces);
    }
}
