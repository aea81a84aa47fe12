package io.wharf.web.application;

import io.wharf.domain.account.Account;
import io.wharf.domain.account.AccountName;
import io.wharf.domain.account.Accounts;
import io.wharf.domain.account.Caller;
import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.permission.Permission;
import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.repository.ImageTags;
import io.wharf.domain.repository.RepositoryQuery;
import io.wharf.domain.share.AccessDomain;
import io.wharf.domain.share.AccessDomains;
import io.wharf.domain.share.ShareTerms;
import io.wharf.domain.share.SharedQuery;
import io.wharf.domain.share.SharedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sharing a repository with other accounts. Sharing, changing and removing a share needs manage on the repository;
 * seeing who it is shared with needs edit. A valid share gives the receiving account read on that one repository.
 */
@ApplicationScoped
@UseCase
public class ShareService {
    @Inject
    RepositoryAccess access;
    @Inject
    AccessDomains shares;
    @Inject
    Accounts accounts;
    @Inject
    ImageTags tags;
    @Inject
    TagNames tagNames;

    protected ShareService() {
    }

    /** For tests over in-memory ports. */
    ShareService(RepositoryAccess access, AccessDomains shares, Accounts accounts, ImageTags tags) {
        this.access = access;
        this.shares = shares;
        this.accounts = accounts;
        this.tagNames = new TagNames(tags);
        this.tags = tags;
    }

    public ShareView share(Caller caller, String namespace, String repository, String accessDomain, ShareTerms terms) {
        ImageRepository repo = access.locate(caller, namespace, repository).require(Permission.MANAGE).repository();
        Account target = receiver(accessDomain);
        if (target.id().equals(repo.accountId())) {
            throw WharfException.invalid("access_domain",
                    "access_domain must be another account: " + accessDomain + " already owns the repository.");
        }
        return new ShareView(repo, shares.add(repo.id(), target.id(), target.name().value(), terms, caller.userId(),
                caller.userName()));
    }

    public Page<ShareView> list(Caller caller, String namespace, String repository, PageRequest page) {
        ImageRepository repo = access.locate(caller, namespace, repository).require(Permission.EDIT).repository();
        List<ShareView> views = shares.ofRepository(repo.id(), page.offset(), page.limit()).stream()
                .map(s -> new ShareView(repo, s)).toList();
        return new Page<>(views, views.size());
    }

    /** Accounts the caller's account already shares with, for the share form's suggestions (never other accounts). */
    public List<String> knownReceivers(Caller caller, int limit) {
        return shares.receiversOf(caller.accountId(), limit);
    }

    public ShareCheck check(Caller caller, String namespace, String repository, String accessDomain) {
        ImageRepository repo = access.locate(caller, namespace, repository).require(Permission.EDIT).repository();
        boolean exists = existingAccount(accessDomain).isPresent();
        return new ShareCheck(accessDomain, exists, shares.of(repo.id(), accessDomain).map(s -> new ShareView(repo, s)));
    }

    public ShareView update(Caller caller, String namespace, String repository, String accessDomain, ShareTerms terms) {
        ImageRepository repo = access.locate(caller, namespace, repository).require(Permission.MANAGE).repository();
        return new ShareView(repo, shares.update(existing(repo, accessDomain), terms));
    }

    public void delete(Caller caller, String namespace, String repository, String accessDomain) {
        ImageRepository repo = access.locate(caller, namespace, repository).require(Permission.MANAGE).repository();
        shares.remove(existing(repo, accessDomain));
    }

    /**
     * What the caller's account shares ({@code byMe}: each repository once, status false as the pages say) or what is
     * shared with it (one line per share, status false once expired).
     */
    public Page<SharedView> shared(Caller caller, boolean byMe, String namespaceContains, String nameContains,
                                   String ownerAccountName, Boolean valid, RepositoryQuery.Order order,
                                   boolean descending, PageRequest page) {
        Instant now = Instant.now();
        SharedQuery query = new SharedQuery(caller.accountId(), byMe, namespaceContains, nameContains, ownerAccountName,
                valid, now, order, descending, page.offset(), page.limit());
        List<SharedRepository> found = shares.list(query);
        Map<Long, List<String>> names = tagNames.of(found.stream().map(SharedRepository::repository).toList());
        OwnerNames owners = OwnerNames.of(caller, accounts,
                found.stream().map(s -> s.repository().accountId()).toList());
        List<SharedView> views = found.stream().map(s -> new SharedView(s.repository(),
                owners.of(s.repository().accountId()),
                names.getOrDefault(s.repository().id(), List.of()),
                !byMe && s.share().isValidAt(now))).toList();
        return new Page<>(views, shares.count(query));
    }

    private AccessDomain existing(ImageRepository repo, String accessDomain) {
        return shares.of(repo.id(), accessDomain).orElseThrow(() -> WharfException.notFound(Subject.SHARE,
                "The repository " + repo.path() + " is not shared with " + accessDomain + "."));
    }

    private Account receiver(String accessDomain) {
        return existingAccount(accessDomain).orElseThrow(() -> WharfException.unknownReference(Subject.ACCOUNT, "access_domain",
                "access_domain must name an existing account; " + accessDomain + " does not exist."));
    }

    private Optional<Account> existingAccount(String name) {
        try {
            return accounts.byName(new AccountName(name));
        } catch (WharfException malformed) {
            return Optional.empty();
        }
    }
}
