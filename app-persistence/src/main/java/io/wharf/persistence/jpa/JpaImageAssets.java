package io.wharf.persistence.jpa;

import io.wharf.domain.asset.AssetQuery;
import io.wharf.domain.asset.ScanCriteria;
import io.wharf.domain.asset.AssociatedImage;
import io.wharf.domain.asset.ImageAsset;
import io.wharf.domain.asset.ImageAssets;
import io.wharf.domain.asset.ImageType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

@ApplicationScoped
public class JpaImageAssets implements ImageAssets {
    @PersistenceContext(unitName = "wharf")
    EntityManager em;

    protected JpaImageAssets() {
    }

    public JpaImageAssets(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<ImageAsset> list(AssetQuery query) {
        if (query.type().synced()) {
            return synced(query, "select i", " order by i.syncedAt desc, i.id desc", SyncedImageRow.class)
                    .setHint(Hints.READ_ONLY, true)
                    .setFirstResult(query.offset()).setMaxResults(query.limit())
                    .getResultList().stream().map(i -> {
                        int slash = i.repository.indexOf('/');
                        String namespace = slash < 0 ? "" : i.repository.substring(0, slash);
                        String name = slash < 0 ? i.repository : i.repository.substring(slash + 1);
                        boolean index = i.mediaType.contains("index") || i.mediaType.contains("list");
                        return new ImageAsset(i.id, -i.registryId, namespace, name, i.digest, i.digest, i.tag,
                                query.type(), i.size, "", index, i.syncedAt, i.accountId, null);
                    }).toList();
        }
        // Two steps: the page's tag ids in order (narrow rows, index-only reads: sorting an account's 100,000 tags
        // with their manifests took seconds), then those tags with their repositories.
        boolean shared = query.type() == ImageType.SHARED_IMAGE;
        List<Long> ids = shared && unfiltered(query) && query.offset() + query.limit() <= NEWEST_WALK_LIMIT
                ? newestSharedTags(query.accountId(), query.offset(), query.limit())
                : select(query, "select t.id", " order by t.updatedAt desc, t.id desc", Long.class)
                .setFirstResult(query.offset()).setMaxResults(query.limit()).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ImageAsset> found = new HashMap<>();
        // The columns an asset shows, not whole rows: a tag row carries its manifest (a kilobyte or more each).
        String columns = "select t.id, r.id, r.namespaceName, r.name, t.imageId, t.digest, t.tag, t.size,"
                + " t.architectures, t.tagType, t.updatedAt, r.accountId";
        List<Object[]> rows = InList.bind(em.createQuery(columns + " from ImageTagRow t, ImageRepositoryRow r where t.id in "
                        + InList.of("ids", ids.size()) + " and t.repositoryId = r.id", Object[].class), "ids", ids)
                .getResultList();
        // A shared image is valid until its share's deadline: the page's few repositories' shares, read by key.
        Map<Long, Instant> deadlines = new HashMap<>();
        if (shared && !rows.isEmpty()) {
            List<Long> repositories = rows.stream().map(row -> (Long) row[1]).distinct().toList();
            InList.bind(em.createQuery("select s.repositoryId, s.deadline from AccessDomainRow s where s.accountId = :account"
                            + " and s.repositoryId in " + InList.of("repositories", repositories.size()), Object[].class)
                    .setParameter("account", query.accountId()), "repositories", repositories)
                    .getResultList().forEach(share -> deadlines.put((Long) share[0], (Instant) share[1]));
        }
        rows.forEach(row -> {
            Instant deadline = deadlines.get((Long) row[1]);
            Boolean valid = shared ? deadline == null || deadline.isAfter(query.now()) : null;
            found.put((Long) row[0], new ImageAsset((Long) row[0], (Long) row[1], (String) row[2],
                    (String) row[3], (String) row[4], (String) row[5], (String) row[6], query.type(),
                    (Long) row[7], (String) row[8], ((Number) row[9]).intValue() == 1, (Instant) row[10],
                    (String) row[11], valid));
        });
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /** The deepest page the walk below answers; past it the database sorts every shared tag. */
    private static final int NEWEST_WALK_LIMIT = 1_000;
    private static final int WALK_BATCH = 64;
    /** Shares read at a time by the walk: a page of 100 usually ends within the first few repositories. */
    private static final int SHARES_SLICE = 128;

    /**
     * The newest tags of the repositories shared with an account, without sorting all of them: a repository's update
     * time is never older than its tags' (a tag change updates its repository in the same transaction), so walking the
     * shared repositories newest first, a batch at a time, can stop once the next repository is older than the
     * {@code offset + limit}-th newest tag found. The shared repositories come off the shares' own index (their copy
     * of the repository's update time), a slice at a time as the walk reaches them; each batch of them reads its newest
     * tags off the (repository, update time) index.
     */
    private List<Long> newestSharedTags(String accountId, int offset, int limit) {
        int wanted = offset + limit;
        List<Object[]> repositories = new ArrayList<>();
        List<Object[]> newest = new ArrayList<>();
        Comparator<Object[]> newestFirst = Comparator.comparing((Object[] tag) -> (Instant) tag[1])
                .thenComparing(tag -> (Long) tag[0]).reversed();
        // Batches grow (4, 8, 16... repositories): the newest repositories usually hold the page, and a small first
        // batch sorts a few hundred index entries where a large one sorted thousands.
        int batchSize = 4;
        boolean allRead = false;
        for (int first = 0; ; first += batchSize, batchSize = Math.min(batchSize * 2, WALK_BATCH)) {
            if (!allRead && first + batchSize > repositories.size()) {
                List<Object[]> slice = em.createQuery("select s.repositoryId, s.repositoryUpdatedAt from AccessDomainRow s"
                                + " where s.accountId = :account order by s.repositoryUpdatedAt desc, s.repositoryId desc",
                                Object[].class)
                        .setParameter("account", accountId).setFirstResult(repositories.size())
                        .setMaxResults(SHARES_SLICE).getResultList();
                repositories.addAll(slice);
                allRead = slice.size() < SHARES_SLICE;
            }
            if (first >= repositories.size() || newest.size() >= wanted
                    && ((Instant) repositories.get(first)[1]).isBefore((Instant) newest.get(wanted - 1)[1])) {
                break;
            }
            List<Long> batch = repositories.subList(first, Math.min(first + batchSize, repositories.size())).stream()
                    .map(r -> (Long) r[0]).toList();
            newest.addAll(InList.bind(em.createQuery("select t.id, t.updatedAt from ImageTagRow t where t.repositoryId in "
                                    + InList.of("ids", batch.size()) + " order by t.updatedAt desc, t.id desc", Object[].class),
                            "ids", batch)
                    .setMaxResults(wanted).getResultList());
            newest.sort(newestFirst);
            if (newest.size() > wanted) {
                newest.subList(wanted, newest.size()).clear();
            }
        }
        return newest.stream().skip(offset).map(tag -> (Long) tag[0]).toList();
    }

    /** No filter but the image type: the whole list, whose size the repositories' image counts already hold. */
    private static boolean unfiltered(AssetQuery query) {
        return query.namespace() == null && query.nameContains() == null && query.version() == null
                && !query.latestOnly() && query.minimumSize() == null && query.updatedFrom() == null
                && query.updatedTo() == null && (query.scan() == null || query.scan().equals(ScanCriteria.NONE))
                && query.visibleTo() == null;
    }

    @Override
    public long count(AssetQuery query) {
        if (query.type().synced()) {
            return synced(query, "select count(i)", "", Long.class).getSingleResult();
        }
        if (unfiltered(query)) {
            // Summing 1,000 repositories' image counts (for shares, their copies), where counting the tags walked 100,000
            // index entries.
            return em.createQuery(query.type() == ImageType.SHARED_IMAGE
                            ? "select coalesce(sum(s.repositoryNumImages), 0L) from AccessDomainRow s"
                            + " where s.accountId = :account"
                            : "select coalesce(sum(r.numImages), 0L) from ImageRepositoryRow r where r.accountId = :account",
                            Long.class)
                    .setParameter("account", query.accountId()).getSingleResult();
        }
        return select(query, "select count(t)", "", Long.class).getSingleResult();
    }

    /**
     * Where the list's filters look in one source of images: the organization test, the name searched, and the tag,
     * size and time columns; {@code latest} keeps each repository's newest tag.
     */
    private record Columns(String namespace, String name, String tag, String size, String time, String latest) {
    }

    /** Wharf's own tags: organization and name on the repository row. */
    private static final Columns OWN = new Columns("r.namespaceName = :namespace", "r.name", "t.tag", "t.size",
            "t.updatedAt", "t.updatedAt = (select max(t2.updatedAt) from ImageTagRow t2"
            + " where t2.repositoryId = t.repositoryId)");
    /** Synced images: the repository path is {@code <namespace>/<name>}. */
    private static final Columns SYNCED = new Columns("i.repository like :namespace escape '!'", "i.repository", "i.tag",
            "i.size", "i.syncedAt", "i.syncedAt = (select max(i2.syncedAt) from SyncedImageRow i2"
            + " where i2.registryId = i.registryId and i2.repository = i.repository)");

    private <T> TypedQuery<T> select(AssetQuery query, String projection, String order, Class<T> type) {
        boolean shared = query.type() == ImageType.SHARED_IMAGE;
        StringBuilder jpql = new StringBuilder(projection);
        if (shared) {
            jpql.append(" from ImageTagRow t, ImageRepositoryRow r, AccessDomainRow s where t.repositoryId = r.id"
                    + " and s.repositoryId = r.id and s.accountId = :account");
        } else if (query.namespace() == null && query.nameContains() == null && query.visibleTo() == null) {
            // Nothing to ask the repository: the page is read off the tag's own account index.
            jpql.append(" from ImageTagRow t where t.accountId = :account");
        } else {
            // Repository filters: the account's repositories first, then their tags (starting from the tags would
            // walk every tag of the account to find a few repositories' ones).
            jpql.append(" from ImageTagRow t, ImageRepositoryRow r where t.repositoryId = r.id and ")
                    .append(VisibilityClauses.ownRepositories("r", query.visibleTo() == null));
        }
        TypedQuery<T> typed = filtered(query, jpql, OWN, order, type, query.namespace());
        if (!shared && query.visibleTo() != null) {
            typed.setParameter("user", query.visibleTo());
        }
        return typed;
    }

    /** Images synced from the account's remote registries of one kind. */
    private <T> TypedQuery<T> synced(AssetQuery query, String projection, String order, Class<T> type) {
        StringBuilder jpql = new StringBuilder(projection).append(" from SyncedImageRow i where i.accountId = :account"
                + " and i.registryType = :registryType");
        return filtered(query, jpql, SYNCED, order, type,
                        query.namespace() == null ? null : Likes.startingWith(query.namespace() + "/"))
                .setParameter("registryType", query.type().registryType());
    }

    /** Appends the query's filters over {@code columns}, then binds them; {@code namespace} is the bound value. */
    private <T> TypedQuery<T> filtered(AssetQuery query, StringBuilder jpql, Columns columns, String order,
                                       Class<T> type, String namespace) {
        if (namespace != null) {
            jpql.append(" and ").append(columns.namespace());
        }
        if (query.nameContains() != null) {
            jpql.append(" and ").append(columns.name()).append(" like :name escape '!'");
        }
        if (query.version() != null) {
            jpql.append(" and ").append(columns.tag()).append(" = :version");
        }
        if (query.latestOnly()) {
            jpql.append(" and ").append(columns.latest());
        }
        if (query.minimumSize() != null) {
            jpql.append(" and ").append(columns.size()).append(" >= :size");
        }
        if (query.updatedFrom() != null) {
            jpql.append(" and ").append(columns.time()).append(" >= :from");
        }
        if (query.updatedTo() != null) {
            jpql.append(" and ").append(columns.time()).append(" <= :to");
        }
        ScanCriteria scan = query.scan() == null ? ScanCriteria.NONE : query.scan();
        boolean own = columns == OWN;
        if (own) {
            scanClauses(scan, jpql);
        }
        TypedQuery<T> typed = em.createQuery(jpql.append(order).toString(), type).setParameter("account", query.accountId());
        if (own) {
            bindScan(scan, typed);
        }
        if (namespace != null) {
            typed.setParameter("namespace", namespace);
        }
        if (query.nameContains() != null) {
            typed.setParameter("name", Likes.containing(query.nameContains()));
        }
        if (query.version() != null) {
            typed.setParameter("version", query.version());
        }
        if (query.minimumSize() != null) {
            typed.setParameter("size", query.minimumSize());
        }
        if (query.updatedFrom() != null) {
            typed.setParameter("from", query.updatedFrom());
        }
        if (query.updatedTo() != null) {
            typed.setParameter("to", query.updatedTo());
        }
        return typed;
    }

    /** The tag's scan, as a subquery: HSS's scan filters are conditions on it (no scan row: {@code unscan}). */
    private static final String SCAN = "select sc.id from ImageScanRow sc where sc.repositoryId = t.repositoryId"
            + " and sc.digest = t.digest";

    private static void scanClauses(ScanCriteria scan, StringBuilder jpql) {
        if ("unscan".equals(scan.status())) {
            jpql.append(" and not exists (").append(SCAN).append(")");
        } else if (scan.status() != null) {
            jpql.append(" and exists (").append(SCAN).append(" and sc.status = :scanStatus)");
        }
        has(jpql, scan.hasVul(), "sc.vulNum");
        has(jpql, scan.hasMaliciousFile(), "sc.maliciousFileNum");
        has(jpql, scan.hasUnsafeSetting(), "sc.unsafeSettingNum");
        if (scan.scannedFrom() != null) {
            jpql.append(" and exists (").append(SCAN).append(" and sc.scannedAt >= :scannedFrom)");
        }
        if (scan.scannedTo() != null) {
            jpql.append(" and exists (").append(SCAN).append(" and sc.scannedAt <= :scannedTo)");
        }
    }

    /** {@code true}: a scan found some; {@code false}: no scan found any (unscanned images included). */
    private static void has(StringBuilder jpql, Boolean wanted, String count) {
        if (wanted != null) {
            jpql.append(wanted ? " and exists (" : " and not exists (").append(SCAN).append(" and ").append(count)
                    .append(" > 0)");
        }
    }

    private static void bindScan(ScanCriteria scan, TypedQuery<?> typed) {
        if (scan.status() != null && !"unscan".equals(scan.status())) {
            typed.setParameter("scanStatus", scan.status());
        }
        if (scan.scannedFrom() != null) {
            typed.setParameter("scannedFrom", scan.scannedFrom());
        }
        if (scan.scannedTo() != null) {
            typed.setParameter("scannedTo", scan.scannedTo());
        }
    }

    @Override
    public Map<Long, List<AssociatedImage>> associations(ImageType type, List<ImageAsset> listed) {
        List<ImageAsset> indexes = listed.stream().filter(ImageAsset::multiArchitecture).toList();
        Map<Long, List<AssociatedImage>> found = new HashMap<>();
        if (indexes.isEmpty()) {
            return found;
        }
        if (type.synced()) {
            em.createQuery("select a from SyncedImageAssociationRow a where a.imageId in :ids"
                            + " order by a.architecture, a.digest", SyncedImageAssociationRow.class)
                    .setParameter("ids", indexes.stream().map(ImageAsset::id).toList())
                    .getResultList().forEach(a -> found.computeIfAbsent(a.imageId, id -> new ArrayList<>())
                            .add(new AssociatedImage(a.digest, a.architecture)));
            return found;
        }
        // An index's children are manifests of the same repository; each one's architecture is on its own row.
        Map<String, Long> assetByIndex = new HashMap<>();
        indexes.forEach(a -> assetByIndex.put(a.repositoryId() + "@" + a.imageDigest(), a.id()));
        em.createQuery("select m.repositoryId, m.digest, r.digest, c.architectures from ImageManifestRow m"
                        + " join ManifestReferenceRow r on r.manifestId = m.id and r.kind = :child"
                        + " left join ImageManifestRow c on c.repositoryId = m.repositoryId and c.digest = r.digest"
                        + " where m.repositoryId in :repositories and m.digest in :digests"
                        + " order by c.architectures, r.digest", Object[].class)
                .setParameter("child", ManifestReferenceRow.MANIFEST)
                .setParameter("repositories", indexes.stream().map(ImageAsset::repositoryId).distinct().toList())
                .setParameter("digests", indexes.stream().map(ImageAsset::imageDigest).distinct().toList())
                .getResultList().forEach(row -> {
                    Long asset = assetByIndex.get(row[0] + "@" + row[1]);
                    if (asset != null) {
                        found.computeIfAbsent(asset, id -> new ArrayList<>())
                                .add(new AssociatedImage((String) row[2], row[3] == null ? "" : (String) row[3]));
                    }
                });
        return found;
    }

    @Override
    public Map<Long, Instant> latestUpdates(Collection<Long> repositoryIds) {
        Map<Long, Instant> latest = new HashMap<>();
        if (repositoryIds.isEmpty()) {
            return latest;
        }
        InList.bind(em.createQuery("select t.repositoryId, max(t.updatedAt) from ImageTagRow t where t.repositoryId in "
                                + InList.of("ids", repositoryIds.size()) + " group by t.repositoryId", Object[].class),
                        "ids", repositoryIds)
                .getResultList().stream()
                .forEach(pair -> latest.put((Long) pair[0], (Instant) pair[1]));
        return latest;
    }
}
