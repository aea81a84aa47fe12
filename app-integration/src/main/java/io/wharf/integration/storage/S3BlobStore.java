package io.wharf.integration.storage;

import io.wharf.domain.registry.BlobStore;
import io.wharf.domain.registry.Digest;
import io.wharf.domain.registry.Swept;
import io.wharf.integration.Settings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Blobs and uploads in an S3 bucket (AWS, Ceph RGW, MinIO or any S3 API), so that every Wharf node of a cluster sees
 * the same content: {@code <prefix>blobs/<algorithm>/<2 hex>/<hex>}, and an upload as {@code uploads/<id>/owner} with
 * one object per chunk received ({@code uploads/<id>/chunk-<offset>}), written by whichever node the chunk reached.
 * Completing an upload verifies the digest of the whole first; only then is the blob written, by a server-side copy of
 * a single chunk or a multipart upload of several, so a blob is whole or absent. A node keeps the running digest of
 * the chunks it received as a shortcut; another node recomputes it from the chunks.
 */
public final class S3BlobStore implements BlobStore {
    /** Parts of a multipart upload: S3's minimum is 5 MiB (but for the last). */
    private static final int PART_SIZE = 8 * 1024 * 1024;
    /** Larger than this, a single object cannot be copied in one request. */
    private static final long COPY_LIMIT = 5L * 1024 * 1024 * 1024;
    private static final Duration ABANDONED_UPLOAD = Duration.ofDays(1);

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final String prefix;
    private final boolean redirects;
    /** Running SHA-256 of the uploads whose chunks reached this node, after exactly {@code hashed} bytes. */
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    private record Running(MessageDigest digest, long hashed) {
    }

    /** Where and how to reach the bucket. */
    public record Config(URI endpoint, String region, String bucket, String prefix, String accessKey, String secretKey,
                         boolean pathStyle, boolean redirects) {
        /** {@code WHARF_S3_*}: endpoint (none for AWS), region, bucket, key prefix, keys, path-style, redirects. */
        public static Config fromSettings() {
            String bucket = Settings.value("WHARF_S3_BUCKET");
            if (bucket == null || bucket.isBlank()) {
                throw new IllegalStateException("WHARF_STORAGE=s3 needs WHARF_S3_BUCKET");
            }
            String endpoint = Settings.value("WHARF_S3_ENDPOINT");
            return new Config(endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint),
                    Optional.ofNullable(Settings.value("WHARF_S3_REGION")).orElse("us-east-1"), bucket,
                    Optional.ofNullable(Settings.value("WHARF_S3_PREFIX")).orElse(""),
                    Settings.value("WHARF_S3_ACCESS_KEY"), Settings.value("WHARF_S3_SECRET_KEY"),
                    !"false".equalsIgnoreCase(Settings.value("WHARF_S3_PATH_STYLE")),
                    "true".equalsIgnoreCase(Settings.value("WHARF_S3_REDIRECT")));
        }
    }

    public S3BlobStore(Config config) {
        AwsCredentialsProvider credentials = config.accessKey() == null || config.accessKey().isBlank()
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKey(), config.secretKey()));
        var client = S3Client.builder().region(Region.of(config.region())).credentialsProvider(credentials)
                .forcePathStyle(config.pathStyle()).httpClient(UrlConnectionHttpClient.create())
                // Checksums only where S3 requires them: not every S3 API accepts the SDK's default trailers.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        var signer = S3Presigner.builder().region(Region.of(config.region())).credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(config.pathStyle()).build());
        if (config.endpoint() != null) {
            client.endpointOverride(config.endpoint());
            signer.endpointOverride(config.endpoint());
        }
        this.s3 = client.build();
        this.presigner = signer.build();
        this.bucket = config.bucket();
        this.prefix = config.prefix();
        this.redirects = config.redirects();
        createBucketIfMissing();
    }

    private void createBucketIfMissing() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            s3.createBucket(b -> b.bucket(bucket));
        }
    }

    private String keyOf(Digest digest) {
        return prefix + "blobs/" + digest.algorithm() + "/" + digest.hex().substring(0, 2) + "/" + digest.hex();
    }

    private String uploadPrefix(String id) {
        return prefix + "uploads/" + id + "/";
    }

    @Override
    public Optional<Long> size(Digest digest) {
        return sizeOf(keyOf(digest));
    }

    private Optional<Long> sizeOf(String key) {
        try {
            return Optional.of(s3.headObject(h -> h.bucket(bucket).key(key)).contentLength());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public InputStream open(Digest digest, long offset, long length) throws IOException {
        if (length == 0) {
            return InputStream.nullInputStream();
        }
        try {
            return s3.getObject(g -> g.bucket(bucket).key(keyOf(digest))
                    .range("bytes=" + offset + "-" + (offset + length - 1)));
        } catch (NoSuchKeyException e) {
            throw new java.nio.file.NoSuchFileException(digest.toString());
        }
    }

    /** A short-lived presigned GET of the blob, when the operator lets clients fetch blobs from S3 directly. */
    @Override
    public Optional<URI> directUrl(Digest digest, Duration validFor) {
        if (!redirects) {
            return Optional.empty();
        }
        return Optional.of(URI.create(presigner.presignGetObject(p -> p.signatureDuration(validFor)
                .getObjectRequest(g -> g.bucket(bucket).key(keyOf(digest)))).url().toString()));
    }

    @Override
    public Digest put(byte[] content, String algorithm) {
        Digest digest = Digest.of(algorithm, content);
        if (size(digest).isEmpty()) {
            s3.putObject(p -> p.bucket(bucket).key(keyOf(digest)), RequestBody.fromBytes(content));
        }
        return digest;
    }

    @Override
    public String startUpload(String owner) {
        String id = UUID.randomUUID().toString();
        s3.putObject(p -> p.bucket(bucket).key(uploadPrefix(id) + "owner"),
                RequestBody.fromString(owner, StandardCharsets.UTF_8));
        running.put(id, new Running(sha256(), 0));
        return id;
    }

    @Override
    public Optional<Upload> upload(String id) {
        if (!isUploadId(id)) {
            return Optional.empty();
        }
        String owner;
        try {
            owner = s3.getObjectAsBytes(g -> g.bucket(bucket).key(uploadPrefix(id) + "owner")).asUtf8String();
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
        return Optional.of(new Upload(id, owner, chunks(id).stream().mapToLong(S3Object::size).sum()));
    }

    private static boolean isUploadId(String id) {
        try {
            return UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The upload's chunks in the order of their offsets. */
    private List<S3Object> chunks(String id) {
        List<S3Object> chunks = new ArrayList<>();
        s3.listObjectsV2Paginator(l -> l.bucket(bucket).prefix(uploadPrefix(id) + "chunk-")).contents()
                .forEach(chunks::add);
        chunks.sort(Comparator.comparing(S3Object::key));
        return chunks;
    }

    /**
     * Stores the chunk as one object keyed by its offset. Its length is unknown until it has arrived, so it is spooled to
     * a temporary file first (S3 needs the length up front); the running digest, when this node has it, goes along.
     */
    @Override
    public long append(String id, InputStream chunk) throws IOException {
        long before = upload(id).orElseThrow(() -> new java.nio.file.NoSuchFileException(id)).size();
        Running state = running.remove(id);
        MessageDigest md = state != null && state.hashed() == before ? state.digest() : null;
        Path spool = Files.createTempFile("wharf-chunk-", ".part");
        try {
            long length;
            try (OutputStream out = Files.newOutputStream(spool)) {
                length = copy(chunk, out, md);
            }
            if (length > 0) {
                s3.putObject(p -> p.bucket(bucket).key(uploadPrefix(id) + "chunk-" + String.format("%020d", before)),
                        RequestBody.fromFile(spool));
            }
            if (md != null) {
                running.put(id, new Running(md, before + length));
            }
            return before + length;
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    @Override
    public long complete(String id, InputStream lastChunk, Digest expected) throws IOException {
        if (lastChunk != null) {
            append(id, lastChunk);
        }
        List<S3Object> chunks = chunks(id);
        long size = chunks.stream().mapToLong(S3Object::size).sum();
        Running state = running.get(id);
        MessageDigest md;
        if ("sha256".equals(expected.algorithm()) && state != null && state.hashed() == size) {
            md = state.digest();
        } else {
            md = digestOf(expected.javaAlgorithm());
            for (S3Object chunk : chunks) {
                try (InputStream in = s3.getObject(g -> g.bucket(bucket).key(chunk.key()))) {
                    copy(in, OutputStream.nullOutputStream(), md);
                }
            }
        }
        String actual = HexFormat.of().formatHex(md.digest());
        if (!actual.equals(expected.hex())) {
            running.remove(id);
            throw new DigestMismatch("The uploaded content's digest is " + expected.algorithm() + ":" + actual
                    + ", not " + expected + ".");
        }
        if (size(expected).isEmpty()) {
            write(expected, chunks, size);
        }
        running.remove(id);
        deleteUpload(id);
        return size;
    }

    /** The verified content into place: one server-side copy, or a multipart upload of the chunks in order. */
    private void write(Digest digest, List<S3Object> chunks, long size) throws IOException {
        String key = keyOf(digest);
        if (chunks.isEmpty()) {
            s3.putObject(p -> p.bucket(bucket).key(key), RequestBody.empty());
            return;
        }
        if (chunks.size() == 1 && size <= COPY_LIMIT) {
            String source = chunks.get(0).key();
            s3.copyObject(c -> c.sourceBucket(bucket).sourceKey(source).destinationBucket(bucket).destinationKey(key));
            return;
        }
        String uploadId = s3.createMultipartUpload(c -> c.bucket(bucket).key(key)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            byte[] buffer = new byte[PART_SIZE];
            int filled = 0;
            for (S3Object chunk : chunks) {
                try (InputStream in = s3.getObject(g -> g.bucket(bucket).key(chunk.key()))) {
                    for (int n; (n = in.readNBytes(buffer, filled, PART_SIZE - filled)) > 0; ) {
                        filled += n;
                        if (filled == PART_SIZE) {
                            parts.add(part(key, uploadId, parts.size() + 1, buffer, filled));
                            filled = 0;
                        }
                    }
                }
            }
            if (filled > 0 || parts.isEmpty()) {
                parts.add(part(key, uploadId, parts.size() + 1, buffer, filled));
            }
            s3.completeMultipartUpload(c -> c.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (RuntimeException | IOException e) {
            s3.abortMultipartUpload(a -> a.bucket(bucket).key(key).uploadId(uploadId));
            throw e;
        }
    }

    private CompletedPart part(String key, String uploadId, int number, byte[] buffer, int length) {
        String etag = s3.uploadPart(u -> u.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                RequestBody.fromBytes(java.util.Arrays.copyOf(buffer, length))).eTag();
        return CompletedPart.builder().partNumber(number).eTag(etag).build();
    }

    @Override
    public void cancelUpload(String id) {
        if (isUploadId(id)) {
            running.remove(id);
            deleteUpload(id);
        }
    }

    private void deleteUpload(String id) {
        List<String> keys = new ArrayList<>();
        s3.listObjectsV2Paginator(l -> l.bucket(bucket).prefix(uploadPrefix(id))).contents()
                .forEach(o -> keys.add(o.key()));
        delete(keys);
    }

    /**
     * One DELETE per object: the batch delete needs a request checksum that not every S3 API implements (S3Proxy, older
     * Ceph answer 501), and garbage collection is not in a hurry.
     */
    private void delete(List<String> keys) {
        for (String key : keys) {
            s3.deleteObject(d -> d.bucket(bucket).key(key));
        }
    }

    /** An S3 write is durable once it is acknowledged. */
    @Override
    public void awaitDurable(Collection<String> digests) {
    }

    @Override
    public List<String> digests() {
        List<String> digests = new ArrayList<>();
        s3.listObjectsV2Paginator(l -> l.bucket(bucket).prefix(prefix + "blobs/")).contents()
                .forEach(o -> digestOfKey(o.key()).ifPresent(digests::add));
        return digests;
    }

    /** {@code <prefix>blobs/sha256/ab/<hex>} is {@code sha256:<hex>}. */
    private Optional<String> digestOfKey(String key) {
        String[] parts = key.substring(prefix.length()).split("/");
        return parts.length == 4 ? Optional.of(parts[1] + ":" + parts[3]) : Optional.empty();
    }

    @Override
    public Swept unreferenced(Predicate<String> live, Duration grace) {
        Instant cutoff = Instant.now().minus(grace);
        long[] found = {0, 0};
        s3.listObjectsV2Paginator(l -> l.bucket(bucket).prefix(prefix + "blobs/")).contents().forEach(o -> {
            Optional<String> digest = digestOfKey(o.key());
            if (digest.isPresent() && !live.test(digest.get()) && o.lastModified().isBefore(cutoff)) {
                found[0]++;
                found[1] += o.size();
            }
        });
        return new Swept((int) found[0], found[1]);
    }

    @Override
    public Swept sweep(Predicate<String> live, Duration grace) {
        Instant cutoff = Instant.now().minus(grace);
        List<String> doomed = new ArrayList<>();
        long[] bytes = {0};
        s3.listObjectsV2Paginator(l -> l.bucket(bucket).prefix(prefix + "blobs/")).contents().forEach(o -> {
            Optional<String> digest = digestOfKey(o.key());
            if (digest.isPresent() && !live.test(digest.get()) && o.lastModified().isBefore(cutoff)) {
                doomed.add(o.key());
                bytes[0] += o.size();
            }
        });
        delete(doomed);
        sweepAbandonedUploads();
        return new Swept(doomed.size(), bytes[0]);
    }

    /** Uploads no chunk reached for a day, and multipart uploads left unfinished by a node that died. */
    private void sweepAbandonedUploads() {
        Instant abandoned = Instant.now().minus(ABANDONED_UPLOAD);
        Map<String, Instant> lastTouched = new HashMap<>();
        Map<String, List<String>> keys = new HashMap<>();
        s3.listObjectsV2Paginator(l -> l.bucket(bucket).prefix(prefix + "uploads/")).contents().forEach(o -> {
            String id = o.key().substring((prefix + "uploads/").length()).split("/")[0];
            lastTouched.merge(id, o.lastModified(), (a, b) -> a.isAfter(b) ? a : b);
            keys.computeIfAbsent(id, i -> new ArrayList<>()).add(o.key());
        });
        lastTouched.forEach((id, touched) -> {
            if (touched.isBefore(abandoned)) {
                running.remove(id);
                delete(keys.get(id));
            }
        });
        for (MultipartUpload upload : s3.listMultipartUploadsPaginator(l -> l.bucket(bucket).prefix(prefix + "blobs/"))
                .uploads()) {
            if (upload.initiated().isBefore(abandoned)) {
                s3.abortMultipartUpload(a -> a.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
            }
        }
    }

    private static long copy(InputStream in, OutputStream out, MessageDigest md) throws IOException {
        byte[] buffer = new byte[256 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
            if (md != null) {
                md.update(buffer, 0, n);
            }
            total += n;
        }
        return total;
    }

    private static MessageDigest sha256() {
        return digestOf("SHA-256");
    }

    private static MessageDigest digestOf(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
