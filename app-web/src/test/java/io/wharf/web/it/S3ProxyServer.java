package io.wharf.web.it;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real S3 API on loopback for the cluster test: S3Proxy ({@code org.gaul:s3proxy} from Maven Central, copied to
 * target/s3proxy by the build) over a temporary directory, in its own process.
 */
final class S3ProxyServer implements AutoCloseable {
    static final String ACCESS_KEY = "wharf-cluster";
    static final String SECRET_KEY = "wharf-cluster-secret";
    final int port;
    private final Process process;

    S3ProxyServer(Path work) throws Exception {
        port = ExtraServer.freePort();
        Files.createDirectories(work.resolve("data"));
        Path config = work.resolve("s3proxy.conf");
        Files.writeString(config, String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + work.resolve("data"), ""));
        Path jar = Path.of(System.getProperty("wharf.it.s3proxy", "target/s3proxy/s3proxy.jar")).toAbsolutePath();
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-jar", jar.toString(), "--properties", config.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("s3proxy.log").toFile()).start();
        ExtraServer.awaitListening(port, process, work.resolve("s3proxy.log"), "S3Proxy");
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
