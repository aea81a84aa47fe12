-- Seeds the benchmark's data straight into MariaDB (the SEQUENCE engine makes the rows): 100 accounts, each with
-- 100 organizations of 10 repositories (10,000 organizations, 100,000 repositories), and every repository of
-- account N shared with account N+1 (100,000 shares), and 100,000 tags in acct0000's repositories. @hash is a real password hash made by the running server.
INSERT INTO account (id, name, project_id, is_system, created_at)
SELECT MD5(CONCAT('a', seq)), CONCAT('acct', LPAD(seq, 4, '0')), MD5(CONCAT('p', seq)), 0, NOW(6) FROM seq_0_to_99;

INSERT INTO account_user (id, account_id, name, password_hash, is_admin, created_at)
SELECT MD5(CONCAT('u', seq)), MD5(CONCAT('a', seq)), 'boss', @hash, 1, NOW(6) FROM seq_0_to_99;

INSERT INTO swr_namespace (name, account_id, creator_id, creator_name, created_at)
SELECT CONCAT('ns', LPAD(seq, 5, '0')), MD5(CONCAT('a', seq DIV 100)), MD5(CONCAT('u', seq DIV 100)), 'boss', NOW(6)
FROM seq_0_to_9999;

INSERT INTO image_repository (namespace_id, namespace_name, account_id, name, category, description, is_public,
                              creator_id, creator_name, created_at, updated_at, size_bytes, num_images, num_download)
SELECT n.id, n.name, n.account_id, CONCAT('repo', r.seq), 'other', 'seeded', 0, n.creator_id, 'boss', NOW(6),
       NOW(6) - INTERVAL (n.id * 10 + r.seq) SECOND, 0, 0, 0
FROM swr_namespace n JOIN seq_0_to_9 r WHERE n.name LIKE 'ns%';

INSERT INTO access_domain (repository_id, account_id, account_name, permit, deadline, description, creator_id,
                           creator_name, created_at, updated_at, repository_updated_at, repository_num_images)
SELECT r.id, MD5(CONCAT('a', (CAST(SUBSTRING(o.name, 5) AS UNSIGNED) + 1) MOD 100)),
       CONCAT('acct', LPAD((CAST(SUBSTRING(o.name, 5) AS UNSIGNED) + 1) MOD 100, 4, '0')), 'read', NULL, '',
       r.creator_id, 'boss', NOW(6), NOW(6), r.updated_at, r.num_images
FROM image_repository r JOIN account o ON o.id = r.account_id WHERE o.name LIKE 'acct%';

-- 100 tags in each of acct0000's 1,000 repositories: 100,000 image assets for HSS's image list, which acct0001 sees
-- as shared images. Each row carries a manifest of a real one's size (about 1 KB).
INSERT INTO image_tag (repository_id, account_id, tag, digest, image_id, manifest, schema_version, size_bytes, tag_type, created_at,
                       updated_at, architectures, media_type)
SELECT r.id, r.account_id, CONCAT('v', t.seq), CONCAT('sha256:', SHA2(CONCAT(r.id, ':', t.seq), 256)),
       CONCAT('sha256:', SHA2(CONCAT('config', r.id, ':', t.seq), 256)),
       CONCAT('{"schemaVersion":2,"layers":"', REPEAT('x', 1000), '"}'), 2, 1000000 + t.seq * 1000, 0, NOW(6),
       NOW(6) - INTERVAL (r.id * 100 + t.seq) SECOND, 'amd64', 'application/vnd.oci.image.manifest.v1+json'
FROM image_repository r JOIN seq_0_to_99 t WHERE r.account_id = MD5('a0');

ANALYZE TABLE account, account_user, swr_namespace, image_repository, access_domain, image_tag;

-- Tags were written straight into the table: give their repositories the image count, size and update time that
-- pushes keep on them: Wharf reads the counts rather than counting tags, and a repository was last updated by its
-- newest tag.
UPDATE image_repository r JOIN (SELECT repository_id, COUNT(*) n, SUM(size_bytes) b, MAX(updated_at) u FROM image_tag
    GROUP BY repository_id) t ON t.repository_id = r.id
SET r.num_images = t.n, r.size_bytes = t.b, r.updated_at = t.u;
UPDATE access_domain d JOIN image_repository r ON r.id = d.repository_id SET d.repository_updated_at = r.updated_at,
    d.repository_num_images = r.num_images;
ANALYZE TABLE image_repository, access_domain;
