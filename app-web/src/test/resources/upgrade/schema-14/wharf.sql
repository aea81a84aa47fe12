/*M!999999\- enable the sandbox mode */ 

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET @OLD_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS */;
/*!40101 SET @OLD_COLLATION_CONNECTION=@@COLLATION_CONNECTION */;
/*!40101 SET NAMES utf8mb4 */;
/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
/*!40103 SET TIME_ZONE='+00:00' */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;
/*!40111 SET @OLD_SQL_NOTES=@@SQL_NOTES, SQL_NOTES=0 */;
DROP TABLE IF EXISTS `access_domain`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `access_domain` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `repository_id` bigint(20) NOT NULL,
  `account_id` varchar(32) NOT NULL,
  `account_name` varchar(64) NOT NULL,
  `permit` varchar(16) NOT NULL,
  `deadline` datetime(6) DEFAULT NULL,
  `description` varchar(1000) NOT NULL,
  `creator_id` varchar(32) NOT NULL,
  `creator_name` varchar(32) NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_access_domain` (`repository_id`,`account_id`),
  KEY `ix_access_domain_account` (`account_id`,`repository_id`),
  CONSTRAINT `fk_access_domain_repository` FOREIGN KEY (`repository_id`) REFERENCES `image_repository` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=2 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `access_domain` WRITE;
/*!40000 ALTER TABLE `access_domain` DISABLE KEYS */;
INSERT INTO `access_domain` VALUES
(1,2,'02924806ca62474bae2b29fdba7e0c4a','harbour','read',NULL,'partners','375f66fde23f4be793e50d6cd8f82673','boss','2026-11-30 04:05:15.844167','2026-11-30 04:05:15.844167');
/*!40000 ALTER TABLE `access_domain` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `access_grant`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `access_grant` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `scope` varchar(10) NOT NULL,
  `target_id` bigint(20) NOT NULL,
  `user_id` varchar(32) NOT NULL,
  `user_name` varchar(32) NOT NULL,
  `auth` int(11) NOT NULL,
  `created_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_access_grant` (`scope`,`target_id`,`user_id`),
  KEY `ix_access_grant_user` (`user_id`,`scope`,`target_id`),
  CONSTRAINT `fk_access_grant_user` FOREIGN KEY (`user_id`) REFERENCES `account_user` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `access_grant` WRITE;
/*!40000 ALTER TABLE `access_grant` DISABLE KEYS */;
/*!40000 ALTER TABLE `access_grant` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `access_key`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `access_key` (
  `access_key_id` varchar(20) NOT NULL,
  `user_id` varchar(32) NOT NULL,
  `encrypted_secret` varchar(200) NOT NULL,
  `description` varchar(255) NOT NULL,
  `created_at` datetime(6) NOT NULL,
  PRIMARY KEY (`access_key_id`),
  KEY `ix_access_key_user` (`user_id`),
  CONSTRAINT `fk_access_key_user` FOREIGN KEY (`user_id`) REFERENCES `account_user` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `access_key` WRITE;
/*!40000 ALTER TABLE `access_key` DISABLE KEYS */;
INSERT INTO `access_key` VALUES
('BWM8C04PAD6MOKKBKR8O','375f66fde23f4be793e50d6cd8f82673','v1:PdQET6urETLITjVWQ2Kj7oaX4+wsie4GDTqYSdnwKheX0S6buPEDX0jzyF2290a1vrKwWwtEaVzfEtSfRnESaJqPYv0=','ci','2026-11-30 04:05:15.920356');
/*!40000 ALTER TABLE `access_key` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `account`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `account` (
  `id` varchar(32) NOT NULL,
  `name` varchar(64) NOT NULL,
  `project_id` varchar(32) NOT NULL,
  `is_system` tinyint(1) NOT NULL,
  `created_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_account_name` (`name`),
  UNIQUE KEY `uk_account_project` (`project_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `account` WRITE;
/*!40000 ALTER TABLE `account` DISABLE KEYS */;
INSERT INTO `account` VALUES
('02924806ca62474bae2b29fdba7e0c4a','harbour','16526ec152e6469584c9eda146cdcb14',0,'2026-11-30 04:05:10.617390'),
('75b90e2f5683409d8ad24afb4603363a','wharf','ba610c816d61473b945ae4edadbe2a02',1,'2026-11-30 04:05:08.034142'),
('c966bc0e29a3421d9e503f68275e9d78','shipyard','72015581b180466f96d5464dcd494492',0,'2026-11-30 04:05:10.417618');
/*!40000 ALTER TABLE `account` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `account_scan_setting`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `account_scan_setting` (
  `account_id` varchar(32) NOT NULL,
  `scan_on_push` tinyint(1) NOT NULL,
  PRIMARY KEY (`account_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `account_scan_setting` WRITE;
/*!40000 ALTER TABLE `account_scan_setting` DISABLE KEYS */;
/*!40000 ALTER TABLE `account_scan_setting` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `account_user`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `account_user` (
  `id` varchar(32) NOT NULL,
  `account_id` varchar(32) NOT NULL,
  `name` varchar(32) NOT NULL,
  `password_hash` varchar(255) NOT NULL,
  `is_admin` tinyint(1) NOT NULL,
  `created_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_user_account_name` (`account_id`,`name`),
  CONSTRAINT `fk_user_account` FOREIGN KEY (`account_id`) REFERENCES `account` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `account_user` WRITE;
/*!40000 ALTER TABLE `account_user` DISABLE KEYS */;
INSERT INTO `account_user` VALUES
('375f66fde23f4be793e50d6cd8f82673','c966bc0e29a3421d9e503f68275e9d78','boss','pbkdf2-sha256$600000$k13JRtZLbSvX+fYM3NIK3Q$0cr8IxlPQ0D661AvnXbjMpayr5ZS5V2il3sTvihj8Xk',1,'2026-11-30 04:05:10.417618'),
('98752424eb3243fe9514fe5f7497e398','02924806ca62474bae2b29fdba7e0c4a','boss','pbkdf2-sha256$600000$nx8Cm9WnpWFSIC2CCMRjbw$VDZKh2EVV6vSdGHD/BxQROHpYR5D7/5j8e6voUqUfUQ',1,'2026-11-30 04:05:10.617390'),
('b79e17fc2dc745ecb7dbceec4867f19c','75b90e2f5683409d8ad24afb4603363a','admin','pbkdf2-sha256$600000$bHAQL+uopNttenif7lgh+A$UvgIfqhE4waFGo0XRQneDpvGKDPHi32Eq1ncbylh2LE',1,'2026-11-30 04:05:08.034142');
/*!40000 ALTER TABLE `account_user` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `advisory`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `advisory` (
  `id` varchar(128) NOT NULL,
  `modified_at` datetime(6) NOT NULL,
  `document` mediumtext NOT NULL,
  `feed_import_id` bigint(20) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `advisory` WRITE;
/*!40000 ALTER TABLE `advisory` DISABLE KEYS */;
INSERT INTO `advisory` VALUES
('DSA-5532-1','1970-01-01 00:00:00.000000','{\"id\": \"DSA-5532-1\", \"aliases\": [\"CVE-2023-5363\"], \"summary\": \"openssl\", \"affected\": [{\"package\": {\"ecosystem\": \"Debian:12\", \"name\": \"openssl\"}, \"ranges\": [{\"type\": \"ECOSYSTEM\", \"events\": [{\"introduced\": \"0\"}, {\"fixed\": \"3.0.11-1~deb12u2\"}]}]}]}',1);
/*!40000 ALTER TABLE `advisory` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `advisory_package`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `advisory_package` (
  `ecosystem` varchar(64) NOT NULL,
  `name` varchar(255) NOT NULL,
  `advisory_id` varchar(128) NOT NULL,
  PRIMARY KEY (`ecosystem`,`name`,`advisory_id`),
  KEY `fk_advisory_package` (`advisory_id`),
  CONSTRAINT `fk_advisory_package` FOREIGN KEY (`advisory_id`) REFERENCES `advisory` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `advisory_package` WRITE;
/*!40000 ALTER TABLE `advisory_package` DISABLE KEYS */;
INSERT INTO `advisory_package` VALUES
('Debian:12','openssl','DSA-5532-1');
/*!40000 ALTER TABLE `advisory_package` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `auth_token`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `auth_token` (
  `digest` char(64) NOT NULL,
  `user_id` varchar(32) NOT NULL,
  `issued_at` datetime(6) NOT NULL,
  `expires_at` datetime(6) NOT NULL,
  PRIMARY KEY (`digest`),
  KEY `fk_token_user` (`user_id`),
  KEY `ix_token_expires` (`expires_at`),
  CONSTRAINT `fk_token_user` FOREIGN KEY (`user_id`) REFERENCES `account_user` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `auth_token` WRITE;
/*!40000 ALTER TABLE `auth_token` DISABLE KEYS */;
INSERT INTO `auth_token` VALUES
('1d4c6fc5af5c52b03c56036ef79d96c18a253c7bbcb9af8115e0331afa1e908f','b79e17fc2dc745ecb7dbceec4867f19c','2026-11-30 04:05:11.321308','2026-12-01 04:05:11.321308'),
('ca1c96b76b564a1eacbb6af341ad27e7ecc01b5ad5f50dc9ab301029f1b9986f','b79e17fc2dc745ecb7dbceec4867f19c','2026-11-30 04:05:10.292285','2026-12-01 04:05:10.292285'),
('f26aafd6b89c00d2063d2d6f6877d9d51d12ac2c22035ced5769701472878312','375f66fde23f4be793e50d6cd8f82673','2026-11-30 04:05:10.968953','2026-12-01 04:05:10.968953');
/*!40000 ALTER TABLE `auth_token` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `feed_import`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `feed_import` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `source` varchar(1024) NOT NULL,
  `status` varchar(16) NOT NULL,
  `advisory_count` int(11) NOT NULL,
  `message` varchar(1024) NOT NULL,
  `started_at` datetime(6) NOT NULL,
  `finished_at` datetime(6) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=2 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `feed_import` WRITE;
/*!40000 ALTER TABLE `feed_import` DISABLE KEYS */;
INSERT INTO `feed_import` VALUES
(1,'fixture','imported',1,'','2026-11-30 04:05:11.547937','2026-11-30 04:05:11.565372');
/*!40000 ALTER TABLE `feed_import` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `image_manifest`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `image_manifest` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `repository_id` bigint(20) NOT NULL,
  `digest` varchar(150) NOT NULL,
  `media_type` varchar(255) NOT NULL,
  `size_bytes` bigint(20) NOT NULL,
  `image_size` bigint(20) NOT NULL,
  `config_digest` varchar(150) DEFAULT NULL,
  `architectures` mediumtext NOT NULL,
  `subject_digest` varchar(150) DEFAULT NULL,
  `artifact_type` varchar(255) DEFAULT NULL,
  `annotations` mediumtext DEFAULT NULL,
  `pushed_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_manifest` (`repository_id`,`digest`),
  KEY `ix_manifest_subject` (`repository_id`,`subject_digest`),
  KEY `ix_manifest_digest` (`digest`),
  CONSTRAINT `fk_manifest_repository` FOREIGN KEY (`repository_id`) REFERENCES `image_repository` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=5 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `image_manifest` WRITE;
/*!40000 ALTER TABLE `image_manifest` DISABLE KEYS */;
INSERT INTO `image_manifest` VALUES
(1,2,'sha256:5d0b58002d82e72c8687287801cee5b6c31f09e96c6883d9509018d7dfd433a2','application/vnd.oci.image.manifest.v1+json',418,496,'sha256:e9243fd97efd05e818629943b2eddf4b3b101d99b4a1957655a3812e8899acfe','amd64',NULL,NULL,NULL,'2026-11-30 04:05:15.044834'),
(2,3,'sha256:91131c0522f99e843f707b086fad64fa0f02a129d871d91edbe40078e2a5b392','application/vnd.oci.image.manifest.v1+json',418,396,'sha256:1c6794135c66a282aa4f00de4eec0f437dba17eecfa032416c9d70495e860e24','amd64',NULL,NULL,NULL,'2026-11-30 04:05:15.717825'),
(3,2,'sha256:ad35dc0cfe96eac13a42e5760570c41a608163c23ec85f6db33e640788b2e52c','application/vnd.oci.image.manifest.v1+json',590,989,'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a','','sha256:5d0b58002d82e72c8687287801cee5b6c31f09e96c6883d9509018d7dfd433a2','application/vnd.cyclonedx+json',NULL,'2026-11-30 04:05:15.845421'),
(4,3,'sha256:1f1fa75ad4985432b29d47f2ac4ae3d8a247dd3bfe03acc9db920e24cb9e7755','application/vnd.oci.image.manifest.v1+json',590,431,'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a','','sha256:91131c0522f99e843f707b086fad64fa0f02a129d871d91edbe40078e2a5b392','application/vnd.cyclonedx+json',NULL,'2026-11-30 04:05:15.909456');
/*!40000 ALTER TABLE `image_manifest` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `image_repository`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `image_repository` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `namespace_id` bigint(20) NOT NULL,
  `namespace_name` varchar(64) NOT NULL,
  `account_id` varchar(32) NOT NULL,
  `name` varchar(128) NOT NULL,
  `category` varchar(20) NOT NULL,
  `description` varchar(1000) NOT NULL,
  `is_public` tinyint(1) NOT NULL,
  `creator_id` varchar(32) NOT NULL,
  `creator_name` varchar(32) NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `size_bytes` bigint(20) NOT NULL,
  `num_images` bigint(20) NOT NULL,
  `num_download` bigint(20) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_repository_name` (`namespace_id`,`name`),
  KEY `ix_repository_account_name` (`account_id`,`name`),
  KEY `ix_repository_account_updated` (`account_id`,`updated_at`),
  KEY `ix_repository_account_namespace` (`account_id`,`namespace_name`,`name`),
  KEY `ix_repository_path` (`namespace_name`,`name`),
  CONSTRAINT `fk_repository_namespace` FOREIGN KEY (`namespace_id`) REFERENCES `swr_namespace` (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=4 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `image_repository` WRITE;
/*!40000 ALTER TABLE `image_repository` DISABLE KEYS */;
INSERT INTO `image_repository` VALUES
(1,1,'legacy','c966bc0e29a3421d9e503f68275e9d78','notes','other','kept across upgrades',0,'375f66fde23f4be793e50d6cd8f82673','boss','2026-11-30 04:05:11.072006','2026-11-30 04:05:11.072006',0,0,0),
(2,1,'legacy','c966bc0e29a3421d9e503f68275e9d78','web','other','',0,'375f66fde23f4be793e50d6cd8f82673','boss','2026-11-30 04:05:14.924991','2026-11-30 04:05:15.333899',992,2,2),
(3,1,'legacy','c966bc0e29a3421d9e503f68275e9d78','api','other','',0,'375f66fde23f4be793e50d6cd8f82673','boss','2026-11-30 04:05:15.560342','2026-11-30 04:05:15.747241',396,1,1);
/*!40000 ALTER TABLE `image_repository` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `image_scan`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `image_scan` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `repository_id` bigint(20) NOT NULL,
  `digest` varchar(150) NOT NULL,
  `status` varchar(32) NOT NULL,
  `failed_desc` varchar(64) NOT NULL,
  `scannable` tinyint(1) NOT NULL,
  `requested_at` datetime(6) NOT NULL,
  `scanned_at` datetime(6) DEFAULT NULL,
  `os` varchar(255) NOT NULL,
  `vul_num` int(11) NOT NULL,
  `unsafe_setting_num` int(11) NOT NULL,
  `malicious_file_num` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_image_scan` (`repository_id`,`digest`),
  KEY `ix_image_scan_status` (`status`,`requested_at`),
  CONSTRAINT `fk_image_scan_repository` FOREIGN KEY (`repository_id`) REFERENCES `image_repository` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=4 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `image_scan` WRITE;
/*!40000 ALTER TABLE `image_scan` DISABLE KEYS */;
INSERT INTO `image_scan` VALUES
(1,2,'sha256:5d0b58002d82e72c8687287801cee5b6c31f09e96c6883d9509018d7dfd433a2','success','',1,'2026-11-30 04:05:15.144585','2026-11-30 04:05:15.351968','Debian GNU/Linux 12 (bookworm)',1,1,0),
(3,3,'sha256:91131c0522f99e843f707b086fad64fa0f02a129d871d91edbe40078e2a5b392','success','',1,'2026-11-30 04:05:15.765468','2026-11-30 04:05:15.879726','Debian GNU/Linux 12 (bookworm)',0,1,0);
/*!40000 ALTER TABLE `image_scan` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `image_tag`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `image_tag` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `repository_id` bigint(20) NOT NULL,
  `tag` varchar(128) NOT NULL,
  `digest` varchar(150) NOT NULL,
  `image_id` varchar(150) NOT NULL,
  `manifest` mediumtext NOT NULL,
  `schema_version` int(11) NOT NULL,
  `size_bytes` bigint(20) NOT NULL,
  `tag_type` int(11) NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `architectures` mediumtext NOT NULL,
  `media_type` varchar(255) NOT NULL DEFAULT '',
  `account_id` varchar(32) NOT NULL DEFAULT '',
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_tag` (`repository_id`,`tag`),
  KEY `ix_tag_repository_updated` (`repository_id`,`updated_at`),
  KEY `ix_tag_account_updated` (`account_id`,`updated_at`,`id`),
  CONSTRAINT `fk_tag_repository` FOREIGN KEY (`repository_id`) REFERENCES `image_repository` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=4 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `image_tag` WRITE;
/*!40000 ALTER TABLE `image_tag` DISABLE KEYS */;
INSERT INTO `image_tag` VALUES
(1,2,'1.0','sha256:5d0b58002d82e72c8687287801cee5b6c31f09e96c6883d9509018d7dfd433a2','sha256:e9243fd97efd05e818629943b2eddf4b3b101d99b4a1957655a3812e8899acfe','{\"schemaVersion\": 2, \"mediaType\": \"application/vnd.oci.image.manifest.v1+json\", \"config\": {\"digest\": \"sha256:e9243fd97efd05e818629943b2eddf4b3b101d99b4a1957655a3812e8899acfe\", \"size\": 186, \"mediaType\": \"application/vnd.oci.image.config.v1+json\"}, \"layers\": [{\"digest\": \"sha256:ac53c8f01e15922544f694c5a369bd8e6924a14e137b9ab18a43e4645407aa49\", \"size\": 310, \"mediaType\": \"application/vnd.oci.image.layer.v1.tar+gzip\"}]}',2,496,0,'2026-11-30 04:05:15.108888','2026-11-30 04:05:15.108888','amd64','application/vnd.oci.image.manifest.v1+json','c966bc0e29a3421d9e503f68275e9d78'),
(2,2,'latest','sha256:5d0b58002d82e72c8687287801cee5b6c31f09e96c6883d9509018d7dfd433a2','sha256:e9243fd97efd05e818629943b2eddf4b3b101d99b4a1957655a3812e8899acfe','{\"schemaVersion\": 2, \"mediaType\": \"application/vnd.oci.image.manifest.v1+json\", \"config\": {\"digest\": \"sha256:e9243fd97efd05e818629943b2eddf4b3b101d99b4a1957655a3812e8899acfe\", \"size\": 186, \"mediaType\": \"application/vnd.oci.image.config.v1+json\"}, \"layers\": [{\"digest\": \"sha256:ac53c8f01e15922544f694c5a369bd8e6924a14e137b9ab18a43e4645407aa49\", \"size\": 310, \"mediaType\": \"application/vnd.oci.image.layer.v1.tar+gzip\"}]}',2,496,0,'2026-11-30 04:05:15.333899','2026-11-30 04:05:15.333899','amd64','application/vnd.oci.image.manifest.v1+json','c966bc0e29a3421d9e503f68275e9d78'),
(3,3,'2.1','sha256:91131c0522f99e843f707b086fad64fa0f02a129d871d91edbe40078e2a5b392','sha256:1c6794135c66a282aa4f00de4eec0f437dba17eecfa032416c9d70495e860e24','{\"schemaVersion\": 2, \"mediaType\": \"application/vnd.oci.image.manifest.v1+json\", \"config\": {\"digest\": \"sha256:1c6794135c66a282aa4f00de4eec0f437dba17eecfa032416c9d70495e860e24\", \"size\": 186, \"mediaType\": \"application/vnd.oci.image.config.v1+json\"}, \"layers\": [{\"digest\": \"sha256:cc5ba9f1d694f13494cb8be030034fdab95c3f64602b2359183336205f3293c2\", \"size\": 210, \"mediaType\": \"application/vnd.oci.image.layer.v1.tar+gzip\"}]}',2,396,0,'2026-11-30 04:05:15.747241','2026-11-30 04:05:15.747241','amd64','application/vnd.oci.image.manifest.v1+json','c966bc0e29a3421d9e503f68275e9d78');
/*!40000 ALTER TABLE `image_tag` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `login_attempt`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `login_attempt` (
  `login_hash` char(64) NOT NULL,
  `failures` int(11) NOT NULL,
  `blocked_until` bigint(20) NOT NULL,
  PRIMARY KEY (`login_hash`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `login_attempt` WRITE;
/*!40000 ALTER TABLE `login_attempt` DISABLE KEYS */;
INSERT INTO `login_attempt` VALUES
('1d23d2c72b7a8af35f7814728f0b06d1385fd738c442fa579760e6b04482d655',0,0),
('998538f69be440c288609f2916c8c3c499f9c72a3148c10eb10757c7858b621c',0,0);
/*!40000 ALTER TABLE `login_attempt` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `malicious_hash`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `malicious_hash` (
  `sha256` varchar(150) NOT NULL,
  `name` varchar(255) NOT NULL,
  PRIMARY KEY (`sha256`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `malicious_hash` WRITE;
/*!40000 ALTER TABLE `malicious_hash` DISABLE KEYS */;
/*!40000 ALTER TABLE `malicious_hash` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `manifest_reference`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `manifest_reference` (
  `manifest_id` bigint(20) NOT NULL,
  `digest` varchar(150) NOT NULL,
  `kind` char(1) NOT NULL,
  PRIMARY KEY (`manifest_id`,`digest`),
  KEY `ix_manifest_reference_digest` (`digest`),
  CONSTRAINT `fk_reference_manifest` FOREIGN KEY (`manifest_id`) REFERENCES `image_manifest` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `manifest_reference` WRITE;
/*!40000 ALTER TABLE `manifest_reference` DISABLE KEYS */;
INSERT INTO `manifest_reference` VALUES
(1,'sha256:ac53c8f01e15922544f694c5a369bd8e6924a14e137b9ab18a43e4645407aa49','B'),
(1,'sha256:e9243fd97efd05e818629943b2eddf4b3b101d99b4a1957655a3812e8899acfe','B'),
(2,'sha256:1c6794135c66a282aa4f00de4eec0f437dba17eecfa032416c9d70495e860e24','B'),
(2,'sha256:cc5ba9f1d694f13494cb8be030034fdab95c3f64602b2359183336205f3293c2','B'),
(3,'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a','B'),
(3,'sha256:81578c4b28b4d2375dca092d6c55db187bfc35ad9e805fd2f906fb9021fb01eb','B'),
(4,'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a','B'),
(4,'sha256:b7ab80d95bb26d6e7b06863f2349e375f282b599f3511d96419a5a0598cbf43a','B');
/*!40000 ALTER TABLE `manifest_reference` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `repository_blob`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `repository_blob` (
  `repository_id` bigint(20) NOT NULL,
  `digest` varchar(150) NOT NULL,
  `size_bytes` bigint(20) NOT NULL,
  `linked_at` datetime(6) NOT NULL,
  PRIMARY KEY (`repository_id`,`digest`),
  KEY `ix_repository_blob_digest` (`digest`),
  CONSTRAINT `fk_blob_repository` FOREIGN KEY (`repository_id`) REFERENCES `image_repository` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `repository_blob` WRITE;
/*!40000 ALTER TABLE `repository_blob` DISABLE KEYS */;
INSERT INTO `repository_blob` VALUES
(2,'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',2,'2026-11-30 04:05:15.845421'),
(2,'sha256:81578c4b28b4d2375dca092d6c55db187bfc35ad9e805fd2f906fb9021fb01eb',989,'2026-11-30 04:05:15.845421'),
(2,'sha256:ac53c8f01e15922544f694c5a369bd8e6924a14e137b9ab18a43e4645407aa49',310,'2026-11-30 04:05:15.313924'),
(2,'sha256:e9243fd97efd05e818629943b2eddf4b3b101d99b4a1957655a3812e8899acfe',186,'2026-11-30 04:05:15.313924'),
(3,'sha256:1c6794135c66a282aa4f00de4eec0f437dba17eecfa032416c9d70495e860e24',186,'2026-11-30 04:05:15.717825'),
(3,'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',2,'2026-11-30 04:05:15.909456'),
(3,'sha256:b7ab80d95bb26d6e7b06863f2349e375f282b599f3511d96419a5a0598cbf43a',431,'2026-11-30 04:05:15.909456'),
(3,'sha256:cc5ba9f1d694f13494cb8be030034fdab95c3f64602b2359183336205f3293c2',210,'2026-11-30 04:05:15.717825');
/*!40000 ALTER TABLE `repository_blob` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `scan_component`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `scan_component` (
  `scan_id` bigint(20) NOT NULL,
  `ecosystem` varchar(64) NOT NULL,
  `name` varchar(255) NOT NULL,
  `version` varchar(255) NOT NULL,
  `source` varchar(255) NOT NULL,
  `source_version` varchar(255) NOT NULL,
  `purl` varchar(1024) NOT NULL,
  `location` varchar(1024) NOT NULL,
  KEY `ix_scan_component` (`scan_id`),
  CONSTRAINT `fk_scan_component` FOREIGN KEY (`scan_id`) REFERENCES `image_scan` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `scan_component` WRITE;
/*!40000 ALTER TABLE `scan_component` DISABLE KEYS */;
INSERT INTO `scan_component` VALUES
(1,'Debian:12','libssl3','3.0.11-1~deb12u1','openssl','3.0.11-1~deb12u1','pkg:deb/debian/libssl3@3.0.11-1%7Edeb12u1?distro=debian-12&upstream=openssl','var/lib/dpkg/status');
/*!40000 ALTER TABLE `scan_component` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `scan_malicious_file`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `scan_malicious_file` (
  `scan_id` bigint(20) NOT NULL,
  `path` varchar(1024) NOT NULL,
  `layer` varchar(150) NOT NULL,
  `sha256` varchar(150) NOT NULL,
  `name` varchar(255) NOT NULL,
  KEY `fk_scan_malicious_file` (`scan_id`),
  CONSTRAINT `fk_scan_malicious_file` FOREIGN KEY (`scan_id`) REFERENCES `image_scan` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `scan_malicious_file` WRITE;
/*!40000 ALTER TABLE `scan_malicious_file` DISABLE KEYS */;
/*!40000 ALTER TABLE `scan_malicious_file` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `scan_risk_check`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `scan_risk_check` (
  `scan_id` bigint(20) NOT NULL,
  `check_name` varchar(128) NOT NULL,
  `check_type` varchar(64) NOT NULL,
  `standard` varchar(64) NOT NULL,
  `rule_id` varchar(32) NOT NULL,
  `rule_name` varchar(255) NOT NULL,
  `severity` varchar(16) NOT NULL,
  `passed` tinyint(1) NOT NULL,
  `evidence` varchar(2048) NOT NULL,
  KEY `fk_scan_risk_check` (`scan_id`),
  CONSTRAINT `fk_scan_risk_check` FOREIGN KEY (`scan_id`) REFERENCES `image_scan` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `scan_risk_check` WRITE;
/*!40000 ALTER TABLE `scan_risk_check` DISABLE KEYS */;
INSERT INTO `scan_risk_check` VALUES
(1,'Image configuration','image_config','hw_standard','1.1','The image does not run as root','High',1,''),
(1,'Image configuration','image_config','hw_standard','1.2','No secrets in environment variables','High',1,''),
(1,'Image configuration','image_config','hw_standard','1.3','A HEALTHCHECK is defined','Low',0,'no HEALTHCHECK in the image config'),
(1,'Image configuration','image_config','hw_standard','1.4','Ports 22 and 23 are not exposed','Medium',1,''),
(1,'File permissions','file','hw_standard','2.1','No setuid or setgid files','Medium',1,''),
(1,'File permissions','file','hw_standard','2.2','No world-writable files under /etc','Medium',1,''),
(1,'Remote login services','service','hw_standard','3.1','No SSH or telnet server installed','Medium',1,''),
(1,'Account passwords','account','hw_standard','4.1','No account with an empty password','High',1,''),
(3,'Image configuration','image_config','hw_standard','1.1','The image does not run as root','High',1,''),
(3,'Image configuration','image_config','hw_standard','1.2','No secrets in environment variables','High',1,''),
(3,'Image configuration','image_config','hw_standard','1.3','A HEALTHCHECK is defined','Low',0,'no HEALTHCHECK in the image config'),
(3,'Image configuration','image_config','hw_standard','1.4','Ports 22 and 23 are not exposed','Medium',1,''),
(3,'File permissions','file','hw_standard','2.1','No setuid or setgid files','Medium',1,''),
(3,'File permissions','file','hw_standard','2.2','No world-writable files under /etc','Medium',1,''),
(3,'Remote login services','service','hw_standard','3.1','No SSH or telnet server installed','Medium',1,''),
(3,'Account passwords','account','hw_standard','4.1','No account with an empty password','High',1,'');
/*!40000 ALTER TABLE `scan_risk_check` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `scan_vulnerability`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `scan_vulnerability` (
  `scan_id` bigint(20) NOT NULL,
  `vul_id` varchar(128) NOT NULL,
  `cve_id` varchar(128) NOT NULL,
  `severity` varchar(16) NOT NULL,
  `cvss_score` double NOT NULL,
  `ecosystem` varchar(64) NOT NULL,
  `package_name` varchar(255) NOT NULL,
  `version` varchar(255) NOT NULL,
  `fixed_version` varchar(255) NOT NULL,
  `location` varchar(1024) NOT NULL,
  `summary` varchar(1024) NOT NULL,
  `url` varchar(1024) NOT NULL,
  KEY `ix_scan_vulnerability` (`scan_id`),
  CONSTRAINT `fk_scan_vulnerability` FOREIGN KEY (`scan_id`) REFERENCES `image_scan` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `scan_vulnerability` WRITE;
/*!40000 ALTER TABLE `scan_vulnerability` DISABLE KEYS */;
INSERT INTO `scan_vulnerability` VALUES
(1,'DSA-5532-1','CVE-2023-5363','unknown',-1,'Debian:12','libssl3','3.0.11-1~deb12u1','3.0.11-1~deb12u2','var/lib/dpkg/status','openssl','');
/*!40000 ALTER TABLE `scan_vulnerability` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `schema_version`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `schema_version` (
  `version` int(11) NOT NULL,
  `script` varchar(200) NOT NULL,
  `applied_at` datetime(6) NOT NULL,
  PRIMARY KEY (`version`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `schema_version` WRITE;
/*!40000 ALTER TABLE `schema_version` DISABLE KEYS */;
INSERT INTO `schema_version` VALUES
(1,'V1__identity_and_namespaces.sql','2026-11-30 04:05:06.893785'),
(2,'V2__repositories_and_tags.sql','2026-11-30 04:05:06.924873'),
(3,'V3__access_domains.sql','2026-11-30 04:05:06.935750'),
(4,'V4__access_grants.sql','2026-11-30 04:05:06.963459'),
(5,'V5__access_keys.sql','2026-11-30 04:05:06.974756'),
(6,'V6__registry_content.sql','2026-11-30 04:05:07.018672'),
(7,'V7__sync_registries.sql','2026-11-30 04:05:07.023784'),
(8,'V8__sync_tasks.sql','2026-11-30 04:05:07.050424'),
(9,'V9__synced_image_associations.sql','2026-11-30 04:05:07.066152'),
(10,'V10__image_tag_account.sql','2026-11-30 04:05:07.083474'),
(11,'V11__login_attempts.sql','2026-11-30 04:05:07.090334'),
(12,'V12__long_digests_and_manifest_fields.sql','2026-11-30 04:05:07.246648'),
(13,'V13__image_scans.sql','2026-11-30 04:05:07.296624'),
(14,'V14__account_scan_settings.sql','2026-11-30 04:05:07.301962');
/*!40000 ALTER TABLE `schema_version` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `swr_namespace`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `swr_namespace` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `name` varchar(64) NOT NULL,
  `account_id` varchar(32) NOT NULL,
  `creator_id` varchar(32) NOT NULL,
  `creator_name` varchar(32) NOT NULL,
  `created_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_namespace_name` (`name`),
  KEY `ix_namespace_account_name` (`account_id`,`name`),
  KEY `ix_namespace_account_creator` (`account_id`,`creator_id`,`name`),
  CONSTRAINT `fk_namespace_account` FOREIGN KEY (`account_id`) REFERENCES `account` (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=2 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `swr_namespace` WRITE;
/*!40000 ALTER TABLE `swr_namespace` DISABLE KEYS */;
INSERT INTO `swr_namespace` VALUES
(1,'legacy','c966bc0e29a3421d9e503f68275e9d78','375f66fde23f4be793e50d6cd8f82673','boss','2026-11-30 04:05:11.009405');
/*!40000 ALTER TABLE `swr_namespace` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `sync_registry`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `sync_registry` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `account_id` varchar(32) NOT NULL,
  `name` varchar(64) NOT NULL,
  `registry_type` varchar(20) NOT NULL,
  `url` varchar(255) NOT NULL,
  `username` varchar(128) NOT NULL,
  `sealed_password` varchar(1024) NOT NULL,
  `created_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_sync_registry` (`account_id`,`name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `sync_registry` WRITE;
/*!40000 ALTER TABLE `sync_registry` DISABLE KEYS */;
/*!40000 ALTER TABLE `sync_registry` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `sync_task`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `sync_task` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `account_id` varchar(32) NOT NULL,
  `created_by` varchar(32) NOT NULL,
  `created_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `ix_sync_task_account` (`account_id`,`created_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `sync_task` WRITE;
/*!40000 ALTER TABLE `sync_task` DISABLE KEYS */;
/*!40000 ALTER TABLE `sync_task` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `sync_task_registry`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `sync_task_registry` (
  `task_id` bigint(20) NOT NULL,
  `registry_id` bigint(20) NOT NULL,
  `registry_name` varchar(64) NOT NULL,
  `registry_type` varchar(20) NOT NULL,
  `sync_status` varchar(20) NOT NULL,
  `failed_reason` varchar(1000) NOT NULL,
  `total_num` int(11) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`task_id`,`registry_id`),
  KEY `ix_task_registry_status` (`sync_status`),
  CONSTRAINT `fk_task_registry_task` FOREIGN KEY (`task_id`) REFERENCES `sync_task` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `sync_task_registry` WRITE;
/*!40000 ALTER TABLE `sync_task_registry` DISABLE KEYS */;
/*!40000 ALTER TABLE `sync_task_registry` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `synced_image`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `synced_image` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `account_id` varchar(32) NOT NULL,
  `registry_id` bigint(20) NOT NULL,
  `registry_type` varchar(20) NOT NULL,
  `repository` varchar(255) NOT NULL,
  `tag` varchar(128) NOT NULL,
  `digest` varchar(150) NOT NULL,
  `media_type` varchar(255) NOT NULL,
  `size_bytes` bigint(20) NOT NULL,
  `synced_at` datetime(6) NOT NULL,
  `seen_at` datetime(6) NOT NULL DEFAULT '2000-01-01 00:00:00.000000',
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_synced_image` (`registry_id`,`repository`,`tag`),
  KEY `ix_synced_image_account` (`account_id`,`registry_type`,`synced_at`),
  KEY `ix_synced_image_seen` (`registry_id`,`seen_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `synced_image` WRITE;
/*!40000 ALTER TABLE `synced_image` DISABLE KEYS */;
/*!40000 ALTER TABLE `synced_image` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `synced_image_association`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `synced_image_association` (
  `image_id` bigint(20) NOT NULL,
  `digest` varchar(150) NOT NULL,
  `architecture` varchar(64) NOT NULL,
  PRIMARY KEY (`image_id`,`digest`),
  CONSTRAINT `fk_association_image` FOREIGN KEY (`image_id`) REFERENCES `synced_image` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `synced_image_association` WRITE;
/*!40000 ALTER TABLE `synced_image_association` DISABLE KEYS */;
/*!40000 ALTER TABLE `synced_image_association` ENABLE KEYS */;
UNLOCK TABLES;
/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
/*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;
/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;
/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;

