package io.wharf.web.application;

import io.wharf.domain.error.Subject;
import io.wharf.domain.permission.Visibility;
import io.wharf.domain.account.Caller;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.namespace.Namespaces;
import io.wharf.domain.permission.Permission;
import io.wharf.domain.registry.Digest;
import io.wharf.domain.registry.ManifestDraft;
import io.wharf.domain.registry.Manifests;
import io.wharf.domain.registry.RegistryPath;
import io.wharf.domain.registry.StoredManifest;
import io.wharf.domain.repository.ImageRepositories;
import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.repository.ImageTag;
import io.wharf.domain.repository.ImageTags;
import io.wharf.domain.repository.TaggedImage;
import jakarta.enterprise.context.ApplicationScoped;
import io.wharf.domain.quota.QuotaKey;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The registry's use cases on the database: who may pull, push and delete, which blobs a repository may serve, and
 * manifests with their tags — a manifest row, its references and the tag move commit in one transaction, after the
 * content is already safe on disk. Rights are the management API's: pull needs read (a grant, a valid share or a
 * public repository), push and delete need edit; pushing to a missing repository of an organization the caller may
 * edit creates it.
 */
@ApplicationScoped
@UseCase
public class RegistryService {
    public static final String PULL = "pull";
    public static final String PUSH = "push";
    public static final String DELETE = "delete";

    @Inject
    RepositoryAccess access;
    @Inject
    Namespaces namespaces;
    @Inject
    ImageRepositories repositories;
    @Inject
    ImageTags tags;
    @Inject
    Manifests manifests;

    protected RegistryService() {
    }

    /** For tests over in-memory ports. */
    @Inject
    QuotaCheck quotas = QuotaCheck.NONE;

    public RegistryService(RepositoryAccess access, Namespaces namespaces, ImageRepositories repositories, ImageTags tags,
                           Manifests manifests) {
        this.access = access;
        this.namespaces = namespaces;
        this.repositories = repositories;
        this.tags = tags;
        this.manifests = manifests;
    }

    /** The actions the caller ({@code null}: anonymous) may take on the repository at {@code path}. */
    public Set<String> allowedActions(Caller caller, RegistryPath path) {
        Optional<ImageRepository> found = repositories.byName(path.namespace(), path.repository());
        Set<String> actions = new LinkedHashSet<>();
        if (caller == null) {
            found.filter(ImageRepository::isPublic).ifPresent(r -> actions.add(PULL));
            return actions;
        }
        if (found.isPresent()) {
            Optional<Permission> right = rightOn(caller, path);
            right.ifPresent(r -> actions.add(PULL));
            if (right.filter(r -> r.includes(Permission.EDIT)).isPresent()) {
                actions.add(PUSH);
                actions.add(DELETE);
            }
        } else {
            namespaces.byName(path.namespace()).flatMap(ns -> access.rightOn(caller, ns))
                    .filter(r -> r.includes(Permission.EDIT)).ifPresent(r -> {
                        actions.add(PULL);
                        actions.add(PUSH);
                    });
        }
        return actions;
    }

    private Optional<Permission> rightOn(Caller caller, RegistryPath path) {
        try {
            return Optional.of(access.locate(caller, path.namespace().value(), path.repository().inPath()).right());
        } catch (WharfException notVisible) {
            return Optional.empty();
        }
    }

    public Optional<ImageRepository> repository(RegistryPath path) {
        return repositories.byName(path.namespace(), path.repository());
    }

    /**
     * Lets the repository at {@code path} serve a blob that is complete and verified in the store. Links need no lock
     * (an upsert each): parallel layer uploads into one repository do not wait for one another.
     */
    public void linkBlob(Caller caller, RegistryPath path, Digest digest, long size) {
        Optional<ImageRepository> existing = repository(path);
        ImageRepository target;
        if (existing.isPresent()) {
            target = existing.get();
            // A blob the repository already holds adds nothing; only a limited account pays for finding out.
            if (quotas.limits(target.accountId(), QuotaKey.STORAGE)
                    && manifests.linkedSize(target.id(), digest.toString()).isEmpty()) {
                quotas.requireRoom(target.accountId(), QuotaKey.STORAGE, size);
            }
        } else {
            Namespace namespace = namespace(path);
            quotas.requireRoom(namespace.accountId(), QuotaKey.REPOSITORY, 1);
            quotas.requireRoom(namespace.accountId(), QuotaKey.STORAGE, size);
            target = repositories.forPush(namespace, path.repository(), caller.userId(), caller.userName());
        }
        manifests.link(target.id(), digest.toString(), size, now());
    }

    /** The repository a push writes into, created (upsert) when missing; the organization is read only then. */
    private ImageRepository forPush(Caller caller, RegistryPath path) {
        return repository(path).orElseGet(() -> repositories.forPush(namespace(path), path.repository(),
                caller.userId(), caller.userName()));
    }

    private Namespace namespace(RegistryPath path) {
        return namespaces.byName(path.namespace()).orElseThrow(() -> WharfException.notFound(
                Subject.ORGANIZATION, "The organization " + path.namespace() + " does not exist."));
    }

    /** The size of a blob the repository may serve: a linked blob, or one of its manifests read as a blob. */
    public Optional<Long> blobSize(long repositoryId, Digest digest) {
        return manifests.linkedSize(repositoryId, digest.toString())
                .or(() -> manifests.manifestSize(repositoryId, digest.toString()));
    }

    public boolean unlinkBlob(long repositoryId, Digest digest) {
        if (manifests.linkedSize(repositoryId, digest.toString()).isEmpty()) {
            return false;
        }
        manifests.unlink(repositoryId, digest.toString());
        return true;
    }

    /**
     * Refuses a manifest whose references the repository does not hold, before its content is written anywhere (a
     * refused push leaves no file behind); {@link #recordManifest} checks again under the repository's lock.
     */
    public void checkReferences(RegistryPath path, ManifestDraft draft) {
        Optional<ImageRepository> repository = repository(path);
        long id = repository.map(ImageRepository::id).orElse(-1L);
        requireReferences(id, draft, repository.isPresent() ? manifests.linked(id, draft.blobs()) : Set.of());
    }

    private void requireReferences(long repositoryId, ManifestDraft draft, Set<String> linked) {
        List<String> missingBlobs = draft.blobs().stream().filter(d -> !linked.contains(d)).distinct().toList();
        if (!missingBlobs.isEmpty()) {
            throw WharfException.unknownReference(Subject.BLOB, "layers",
                    "The manifest references blobs this repository does not have: " + missingBlobs);
        }
        Set<String> present = repositoryId < 0 ? Set.of() : manifests.presentManifests(repositoryId, draft.children());
        List<String> missingChildren = draft.children().stream().filter(d -> !present.contains(d)).distinct().toList();
        if (!missingChildren.isEmpty()) {
            throw WharfException.unknownReference(Subject.MANIFEST, "manifests",
                    "The index references manifests this repository does not have: " + missingChildren);
        }
    }

    /**
     * Records a manifest whose content is already durable in the store: every blob it references must be linked to
     * the repository and every child manifest present, else nothing is written (not even a repository the push would
     * have created). The manifest row and its references commit together; racing pushes of one manifest meet in
     * upserts, so this takes no repository-wide lock.
     */
    public StoredManifest recordManifest(Caller caller, RegistryPath path, Digest digest, int size,
                                         ManifestDraft draft, String architectures) {
        ImageRepository repository = forPush(caller, path);
        Instant now = now();
        requireReferences(repository.id(), draft, manifests.touchLinks(repository.id(), draft.blobs(), now));
        long imageSize = draft.imageSize();
        if (!draft.children().isEmpty()) {
            imageSize = draft.children().stream().distinct()
                    .mapToLong(d -> manifests.byDigest(repository.id(), d).map(StoredManifest::imageSize).orElse(0L))
                    .sum();
        }
        return manifests.add(new StoredManifest(0, repository.id(), digest.toString(), draft.mediaType(), size,
                imageSize, draft.configDigest(), architectures, draft.subject(), draft.artifactType(),
                draft.annotations(), now, draft.blobs(), draft.children()));
    }

    /**
     * Moves a tag to a recorded manifest and adjusts the repository's size and image count. Tag moves of one
     * repository take turns on its row lock, held only for this short transaction: the lock is its first statement,
     * before the tag row (which refers to the repository) is written.
     */
    public void moveTag(Caller caller, RegistryPath path, String tag, StoredManifest stored, String manifestText) {
        ImageRepository repository = repositories.lockForPush(namespace(path), path.repository(), caller.userId(),
                caller.userName());
        tags.put(repository, tag, new TaggedImage(stored.digest(), stored.mediaType(), manifestText,
                stored.configDigest() == null ? stored.digest() : stored.configDigest(), 2, stored.imageSize(),
                stored.children().isEmpty() ? 0 : 1, stored.architectures()));
    }

    /** The manifest a tag or digest names. */
    public Optional<StoredManifest> manifest(long repositoryId, String reference) {
        String digest = Digest.looksLikeDigest(reference) ? reference
                : tags.byTag(repositoryId, reference).map(ImageTag::digest).orElse(null);
        return digest == null ? Optional.empty() : manifests.byDigest(repositoryId, digest);
    }

    /**
     * One pull of an image counts towards the repository's {@code num_download}, and towards the tag pulled (or every
     * tag naming the digest pulled), with the time.
     */
    public void countPull(long repositoryId, String reference) {
        repositories.countDownload(repositoryId);
        tags.countPull(repositoryId, reference, java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    /** Deletes a tag, or a manifest by digest together with every tag that names it. */
    public boolean deleteManifest(ImageRepository repository, String reference) {
        if (!Digest.looksLikeDigest(reference)) {
            Optional<ImageTag> tag = tags.byTag(repository.id(), reference);
            tag.ifPresent(t -> tags.remove(repository, t));
            return tag.isPresent();
        }
        Optional<StoredManifest> found = manifests.byDigest(repository.id(), reference);
        if (found.isEmpty()) {
            return false;
        }
        for (ImageTag tag : tags.byDigest(repository.id(), reference)) {
            tags.remove(repository, tag);
        }
        manifests.remove(found.get());
        return true;
    }

    public List<String> tags(long repositoryId, String after, int limit) {
        return tags.namesAfter(repositoryId, after, limit);
    }

    /** The repositories the caller may read, by path, for {@code _catalog}. */
    public List<String> catalog(Caller caller, String after, int limit) {
        return repositories.catalog(caller.accountId(), Visibility.of(caller).userId(), now(),
                after, limit);
    }

    public List<StoredManifest> referrers(long repositoryId, Digest subject, String artifactType) {
        return new ArrayList<>(manifests.referrers(repositoryId, subject.toString(), artifactType));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
