package io.wharf.web.application;

import io.wharf.domain.permission.Visibility;
import io.wharf.domain.account.Accounts;
import io.wharf.domain.account.Caller;
import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.permission.Permission;
import io.wharf.domain.repository.Category;
import io.wharf.domain.repository.ImageRepositories;
import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.repository.ImageTag;
import io.wharf.domain.repository.TagPulls;
import io.wharf.domain.repository.ImageTags;
import io.wharf.domain.repository.RepositoryDetails;
import io.wharf.domain.repository.RepositoryName;
import io.wharf.domain.repository.RepositoryQuery;
import io.wharf.domain.repository.TagQuery;
import jakarta.enterprise.context.ApplicationScoped;
import io.wharf.domain.quota.QuotaKey;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

/**
 * Image repositories and their tags. Creating needs edit on the organization, changing needs edit, deleting needs
 * manage; reading needs any right on the organization, or a public repository.
 */
@ApplicationScoped
@UseCase
public class RepositoryService {
    @Inject
    ImageRepositories repositories;
    @Inject
    ImageTags tags;
    @Inject
    TagNames tagNames;
    @Inject
    Accounts accounts;
    @Inject
    RepositoryAccess access;

    protected RepositoryService() {
    }

    /** For tests over in-memory ports. */
    @Inject
    QuotaCheck quotas = QuotaCheck.NONE;

    RepositoryService(ImageRepositories repositories, ImageTags tags, Accounts accounts, RepositoryAccess access) {
        this.repositories = repositories;
        this.tags = tags;
        this.accounts = accounts;
        this.tagNames = new TagNames(tags);
        this.access = access;
    }

    public ImageRepository create(Caller caller, String namespace, String name, RepositoryDetails details) {
        Namespace ns = access.visibleNamespace(caller, namespace);
        RepositoryName valid = RepositoryName.fromPath(name);
        access.require(caller, ns, Permission.EDIT);
        if (repositories.byName(ns.name(), valid).isPresent()) {
            throw WharfException.exists(Subject.REPOSITORY,
                    "The image repository " + ns.name() + "/" + valid + " already exists.");
        }
        quotas.requireRoom(ns.accountId(), QuotaKey.REPOSITORY, 1);
        return repositories.add(ns, valid, details, caller.userId(), caller.userName());
    }

    public RepositoryView show(Caller caller, String namespace, String repository) {
        RepositoryAccess.Located located = access.locate(caller, namespace, repository);
        ImageRepository repo = located.repository();
        String domainName = OwnerNames.of(caller, accounts, List.of(repo.accountId())).of(repo.accountId());
        return new RepositoryView(repo, located.right(), domainName, List.of());
    }

    public ImageRepository update(Caller caller, String namespace, String repository, RepositoryDetails details) {
        return repositories.update(access.locate(caller, namespace, repository).require(Permission.EDIT).repository(),
                details);
    }

    public void delete(Caller caller, String namespace, String repository) {
        repositories.remove(access.locate(caller, namespace, repository).require(Permission.MANAGE).repository());
    }

    /** The repositories of the caller's account that the caller holds a right on, with their tag names. */
    public Page<RepositoryView> list(Caller caller, String namespaceContains, String nameContains, Category category,
                                     Boolean isPublic, RepositoryQuery.Order order, boolean descending, PageRequest page) {
        return list(caller, new RepositoryQuery(caller.accountId(), Visibility.of(caller).userId(),
                null, namespaceContains, nameContains, category, isPublic, order, descending, page.offset(), page.limit()));
    }

    /** The repositories of one organization the caller holds a right on, by name. */
    public Page<RepositoryView> listIn(Caller caller, String namespace, String nameContains, Category category,
                                       PageRequest page) {
        return listIn(caller, namespace, nameContains, category, RepositoryQuery.Order.NAME, false, page);
    }

    /** As above, in the order asked for (the console's sortable columns). */
    public Page<RepositoryView> listIn(Caller caller, String namespace, String nameContains, Category category,
                                       RepositoryQuery.Order order, boolean descending, PageRequest page) {
        Namespace ns = access.visibleNamespace(caller, namespace);
        return list(caller, new RepositoryQuery(caller.accountId(), Visibility.of(caller).userId(),
                ns.id(), null, nameContains, category, null, order, descending, page.offset(), page.limit()));
    }

    private Page<RepositoryView> list(Caller caller, RepositoryQuery query) {
        List<ImageRepository> found = repositories.list(query);
        Map<Long, List<String>> names = tagNames.of(found);
        // Lists do not carry each repository's right (the API's list items have none); the page of one does.
        return new Page<>(found.stream().map(r -> new RepositoryView(r, null, caller.accountName(),
                names.getOrDefault(r.id(), List.of()))).toList(), repositories.count(query));
    }

    /**
     * Tags whose image digest starts with the given prefix, among the caller's {@code scope} most recently updated
     * repositories it may see, each with its repository.
     */
    public List<java.util.Map.Entry<RepositoryView, ImageTag>> tagsByDigest(Caller caller, String digestPrefix, int scope,
                                                                         int limit) {
        Map<Long, RepositoryView> visible = new java.util.LinkedHashMap<>();
        list(caller, null, null, null, null, RepositoryQuery.Order.UPDATED_TIME, true, new PageRequest(0, scope)).items()
                .forEach(v -> visible.put(v.repository().id(), v));
        return tags.withDigestPrefix(visible.keySet(), digestPrefix, limit).stream()
                .map(t -> java.util.Map.entry(visible.get(t.repositoryId()), t)).toList();
    }

    /** One page of a repository's tags, with the repository they belong to. */
    public RepositoryTags tags(Caller caller, String namespace, String repository, String tagContains,
                               boolean byUpdateTime, boolean descending, PageRequest page) {
        ImageRepository found = access.locate(caller, namespace, repository).repository();
        TagQuery query = new TagQuery(found.id(), tagContains, byUpdateTime, descending, page.offset(), page.limit());
        return new RepositoryTags(found, new Page<>(tags.list(query), tags.count(query)));
    }

    /** How often the listed tags were pulled and when last (for the console's artifact list). */
    public Map<String, TagPulls> pulls(RepositoryTags listed) {
        return tags.pulls(listed.repository().id(), listed.tags().items().stream().map(ImageTag::tag).toList());
    }

    public void deleteTag(Caller caller, String namespace, String repository, String tag) {
        RepositoryAccess.Located located = access.locate(caller, namespace, repository).require(Permission.EDIT);
        ImageTag found = tags.byTag(located.repository().id(), tag).orElseThrow(() -> WharfException.notFound(
                Subject.IMAGE, "The image " + located.repository().path() + ":" + tag + " does not exist."));
        tags.remove(located.repository(), found);
    }

    /**
     * Names the image of {@code sourceTag} with {@code destinationTag} too (no upload: the same manifest). An existing
     * destination is moved only with {@code override}.
     */
    public ImageTag tagImage(Caller caller, String namespace, String repository, String sourceTag, String destinationTag,
                             boolean override) {
        if (sourceTag == null || sourceTag.isBlank()) {
            throw WharfException.invalid("source_tag", "source_tag names the tag whose image gets the new tag.");
        }
        if (destinationTag == null || !ImageTag.NAME.matcher(destinationTag).matches()) {
            throw WharfException.invalid("destination_tag", "destination_tag must be 1 to 128 letters, digits, '_', '.' or"
                    + " '-', not starting with '.' or '-'.");
        }
        RepositoryAccess.Located located = access.locate(caller, namespace, repository).require(Permission.EDIT);
        ImageTag source = tags.byTag(located.repository().id(), sourceTag).orElseThrow(() -> WharfException.notFound(
                Subject.IMAGE, "The image " + located.repository().path() + ":" + sourceTag + " does not exist."));
        if (!override && tags.byTag(located.repository().id(), destinationTag).isPresent()) {
            throw WharfException.exists(Subject.IMAGE, "The tag " + destinationTag + " already exists; set override to"
                    + " move it to the image of " + sourceTag + ".");
        }
        return tags.put(located.repository(), destinationTag, source.image());
    }
}
