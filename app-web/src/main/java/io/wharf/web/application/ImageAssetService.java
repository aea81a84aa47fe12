package io.wharf.web.application;

import io.wharf.domain.scan.ScanReports;
import io.wharf.domain.scan.ScanSummary;
import java.util.Optional;

import io.wharf.domain.permission.Visibility;
import io.wharf.domain.account.Accounts;
import io.wharf.domain.account.Caller;
import io.wharf.domain.asset.AssetQuery;
import io.wharf.domain.asset.AssociatedImage;
import io.wharf.domain.asset.ImageAsset;
import io.wharf.domain.asset.ImageAssets;
import io.wharf.domain.error.WharfException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * HSS's image list over Wharf's own registry: {@code private_image} are the tags in the caller's organizations (those
 * the caller may see), {@code shared_image} the tags of repositories other accounts share with the caller's account.
 * The path's project must be the caller's.
 */
@ApplicationScoped
@UseCase
public class ImageAssetService {
    @Inject
    ImageAssets assets;
    @Inject
    Accounts accounts;
    @Inject
    ScanReports scans;

    /**
     * A listed image with what HSS adds to it: newest tag of its repository, the owner's account name, and the images
     * of a multi-architecture image (empty for others).
     */
    public record AssetView(ImageAsset asset, boolean latestVersion, String ownerName, List<AssociatedImage> associated,
                            Optional<ScanSummary> scan, Map<String, ScanSummary> associatedScans) {
    }

    /** Refuses another account's project: HSS's paths name the caller's project. */
    public void requireOwnProject(Caller caller, String projectId) {
        if (!caller.projectId().equals(projectId)) {
            throw WharfException.forbidden("The project " + projectId + " is not the caller's project.");
        }
    }

    public Page<AssetView> list(Caller caller, AssetQuery query) {
        AssetQuery scoped = new AssetQuery(caller.accountId(), Visibility.of(caller).userId(),
                query.type(), query.namespace(), query.nameContains(), query.version(), query.latestOnly(),
                query.minimumSize(), query.updatedFrom(), query.updatedTo(), Instant.now(), query.offset(), query.limit(),
                query.scan());
        List<ImageAsset> found = assets.list(scoped);
        Map<Long, Instant> latest = assets.latestUpdates(found.stream().map(ImageAsset::repositoryId)
                .filter(id -> id >= 0).distinct().toList());
        Map<Long, List<AssociatedImage>> associations = assets.associations(query.type(), found);
        OwnerNames owners = OwnerNames.of(caller, accounts, found.stream().map(ImageAsset::ownerAccountId).toList());
        // Scans of the listed images and of the per-architecture images of indexes, in one query.
        List<String> digests = new java.util.ArrayList<>(found.stream().map(ImageAsset::imageDigest).toList());
        associations.values().forEach(list -> list.forEach(child -> digests.add(child.digest())));
        Map<String, ScanSummary> scanned = scans.of(found.stream().map(ImageAsset::repositoryId).filter(id -> id >= 0)
                .distinct().toList(), digests);
        // Synced images have no local repository: they are "latest" exactly when the newest tags were asked for.
        List<AssetView> views = found.stream().map(a -> new AssetView(a,
                a.repositoryId() < 0 ? query.latestOnly() : a.updatedAt().equals(latest.get(a.repositoryId())),
                owners.of(a.ownerAccountId()),
                associations.getOrDefault(a.id(), List.of()),
                Optional.ofNullable(scanned.get(a.repositoryId() + "/" + a.imageDigest())),
                scansOf(a, associations.getOrDefault(a.id(), List.of()), scanned))).toList();
        return new Page<>(views, assets.count(scoped));
    }

    private static Map<String, ScanSummary> scansOf(ImageAsset asset, List<AssociatedImage> children,
                                                    Map<String, ScanSummary> scanned) {
        Map<String, ScanSummary> found = new HashMap<>();
        children.forEach(c -> {
            ScanSummary s = scanned.get(asset.repositoryId() + "/" + c.digest());
            if (s != null) {
                found.put(c.digest(), s);
            }
        });
        return found;
    }
}
