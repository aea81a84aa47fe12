package io.wharf.integration.scan.image;

import io.wharf.domain.scan.ImageScanning;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A small image with known content for scanner tests: Debian 12 with a dpkg database (libssl3 from openssl), a war
 * holding snakeyaml, an npm lodash, a setuid binary, sshd, an account without password, the EICAR test file, and a
 * config running as root with an AWS key in its environment and port 22 exposed.
 */
public record TestImage(byte[] config, List<ImageScanning.Layer> layers, Map<String, byte[]> contents) {
    public static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    record Layer(String digest, byte[] bytes) implements ImageScanning.Layer {
        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }
    }

    public static TestImage sample() {
        byte[] snakeyaml = TestLayers.zip(Map.of("META-INF/maven/org.yaml/snakeyaml/pom.properties",
                TestLayers.pomProperties("org.yaml", "snakeyaml", "1.33")));
        byte[] war = TestLayers.zip(Map.of("WEB-INF/lib/snakeyaml-1.33.jar", snakeyaml));
        byte[] miner = "#!/bin/sh\necho mining\n".getBytes(StandardCharsets.UTF_8);
        TestLayers base = new TestLayers()
                .file("etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\n")
                .file("var/lib/dpkg/status", "Package: libssl3\nStatus: install ok installed\nVersion: 3.0.11-1~deb12u1\n"
                        + "Source: openssl\n\nPackage: openssh-server\nStatus: install ok installed\nVersion: 1:9.2p1-2\n")
                .file("usr/bin/passwd", "elf".getBytes(StandardCharsets.UTF_8), 04755)
                .file("usr/sbin/sshd", "elf".getBytes(StandardCharsets.UTF_8), 0755)
                .file("etc/shadow", "root:*:19000:0:99999:7:::\nguest::19000:0:99999:7:::\n");
        TestLayers app = new TestLayers()
                .file("srv/app.war", war, 0644)
                .file("srv/node_modules/lodash/package.json", "{\"name\":\"lodash\",\"version\":\"4.17.20\"}")
                .file("opt/eicar.com", EICAR)
                .file("usr/local/bin/miner", miner, 0755);
        String config = """
                {"architecture":"amd64","os":"linux","config":{"Env":["PATH=/usr/bin","AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE",
                 "DB_PASSWORD=hunter2","EMPTY_TOKEN="],"ExposedPorts":{"22/tcp":{},"8080/tcp":{}}},
                 "rootfs":{"type":"layers","diff_ids":[]}}""";
        return new TestImage(config.getBytes(StandardCharsets.UTF_8),
                List.of(new Layer("sha256:layer1", base.build(TestLayers.Compression.GZIP)),
                        new Layer("sha256:layer2", app.build(TestLayers.Compression.ZSTD))),
                Map.of("usr/local/bin/miner", miner));
    }

    public String sha256Of(String path) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(contents.get(path)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
