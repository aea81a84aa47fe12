-- The plans of the statements behind the measured endpoints (the shapes Hibernate generates), for account acct0000.
SET @acct = MD5('a0');
EXPLAIN SELECT * FROM image_repository r WHERE r.account_id = @acct ORDER BY r.updated_at DESC, r.id DESC LIMIT 100;
EXPLAIN SELECT COUNT(*) FROM image_repository r WHERE r.account_id = @acct;
EXPLAIN SELECT t.repository_id, t.tag FROM image_tag t WHERE t.repository_id IN (1, 2, 3) ORDER BY t.tag;
EXPLAIN SELECT r.*, s.* FROM access_domain s JOIN image_repository r ON r.id = s.repository_id
        WHERE s.account_id = @acct ORDER BY r.updated_at DESC, r.id DESC LIMIT 100;
EXPLAIN SELECT COUNT(*) FROM access_domain s JOIN image_repository r ON r.id = s.repository_id WHERE s.account_id = @acct;
EXPLAIN SELECT * FROM image_repository r WHERE r.namespace_name = 'ns00000' AND r.name = 'repo5';
EXPLAIN SELECT * FROM swr_namespace n WHERE n.name = 'ns00000';
EXPLAIN SELECT * FROM auth_token t WHERE t.digest = REPEAT('a', 64);
-- HSS's image list (private_image): the account's tags, newest first, and their count.
EXPLAIN SELECT t.*, r.* FROM image_tag t JOIN image_repository r ON t.repository_id = r.id WHERE r.account_id = @acct
        ORDER BY t.updated_at DESC, t.id DESC LIMIT 100;
EXPLAIN SELECT COUNT(*) FROM image_tag t JOIN image_repository r ON t.repository_id = r.id WHERE r.account_id = @acct;
