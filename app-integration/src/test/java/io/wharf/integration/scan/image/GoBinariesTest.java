package io.wharf.integration.scan.image;

import io.wharf.domain.scan.Component;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static io.wharf.integration.scan.image.TestLayers.Compression.GZIP;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Go programs' embedded build information, found in a stream wherever it sits in the file. */
class GoBinariesTest {
    private static final String MODULES = """
            path\texample.com/shop/cmd/server
            mod\texample.com/shop\t(devel)\t
            dep\tgithub.com/gin-gonic/gin\tv1.9.0\th1:abc=
            dep\tgolang.org/x/net\tv0.7.0\th1:def=
            =>\tgolang.org/x/net\tv0.17.0\th1:ghi=
            dep\tgolang.org/x/text\tv0.3.7\th1:jkl=
            dep\texample.com/local\tv1.0.0\t
            =>\t../local\t\t
            build\t-compiler=gc
            build\tGOOS=linux
            """;

    /** An ELF file of {@code size} bytes with a stray copy of the magic (as a Go program that reads build info has) and the real block at {@code at}. */
    static byte[] goProgram(int size, int at, String goVersion, String modules) {
        byte[] file = new byte[size];
        new Random(size).nextBytes(file);
        System.arraycopy(new byte[] {0x7f, 'E', 'L', 'F'}, 0, file, 0, 4);
        byte[] magic = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(magic, 0, file, 4096, magic.length);
        file[4096 + magic.length] = 'x';
        byte[] block = block(goVersion, modules);
        System.arraycopy(block, 0, file, at, block.length);
        return file;
    }

    private static byte[] block(String goVersion, String modules) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1));
        out.write(8);
        out.write(2);
        out.writeBytes(new byte[16]);
        string(out, goVersion);
        string(out, modules.isEmpty() ? "" : "0w\u00af\u000c\u0092t\u0008\u0002A\u00e1\u00c1\u0007\u00e6\u00d6\u0018\u00e6"
                + modules + "\u00f92C1\u0086\u0018 r\u0000\u0082B\u0010A\u0016\u00d8\u00f2");
        return out.toByteArray();
    }

    private static void string(ByteArrayOutputStream out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        int n = bytes.length;
        while (n >= 0x80) {
            out.write((n & 0x7f) | 0x80);
            n >>>= 7;
        }
        out.write(n);
        out.writeBytes(bytes);
    }

    private static List<String> read(byte[] file) throws IOException {
        return new GoBinaries().analyze("usr/local/bin/server", new ByteArrayInputStream(file)).stream()
                .map(Component.class::cast).map(c -> c.name() + " " + c.version() + " " + c.sourceVersion() + " " + c.purl())
                .toList();
    }

    @Test
    void theGoVersionAndEveryLinkedModuleAreComponentsWithReplacementsApplied() throws IOException {
        assertEquals(List.of(
                "stdlib 1.21.3 1.21.3 pkg:golang/stdlib@1.21.3",
                "github.com/gin-gonic/gin v1.9.0 1.9.0 pkg:golang/github.com/gin-gonic/gin@v1.9.0",
                "golang.org/x/net v0.17.0 0.17.0 pkg:golang/golang.org/x/net@v0.17.0",
                "golang.org/x/text v0.3.7 0.3.7 pkg:golang/golang.org/x/text@v0.3.7",
                "example.com/shop (devel) (devel) pkg:golang/example.com/shop"),
                read(goProgram(300_000, 200_000, "go1.21.3 X:boringcrypto", MODULES)));
    }

    @Test
    void theMainModuleIsNamedByThePseudoVersionOfItsVcsStamp() {
        assertEquals("v0.0.0-20240102150405-abcdef123456",
                GoBinaries.pseudoVersion("abcdef1234567890abcdef", "2024-01-02T16:04:05+01:00"));
        assertEquals("(devel)", GoBinaries.pseudoVersion("", ""));
        List<String> found = GoBinaries.components("go1.22.0", "path\texample.com/shop\nmod\texample.com/shop\t(devel)\t\n"
                + "build\tvcs.revision=0123456789abcdef\nbuild\tvcs.time=2024-03-01T10:00:00Z\n", "bin/shop").stream()
                .map(Component.class::cast).map(c -> c.name() + " " + c.version()).toList();
        assertEquals(List.of("stdlib 1.22.0", "example.com/shop v0.0.0-20240301100000-0123456789ab"), found);
    }

    @Test
    void aBlockAcrossTheReadWindowsEdgeIsFound() throws IOException {
        for (int at : new int[] {65_536 - 20, 65_536 - 3, 131_072 - 40}) {
            assertEquals("stdlib 1.22.0 1.22.0 pkg:golang/stdlib@1.22.0",
                    read(goProgram(300_000, at, "go1.22.0", MODULES)).get(0), "block at " + at);
        }
    }

    @Test
    void aProgramBuiltWithoutModulesStillNamesItsGoVersion() throws IOException {
        assertEquals(List.of("stdlib 1.19.8 1.19.8 pkg:golang/stdlib@1.19.8"),
                read(goProgram(300_000, 250_000, "go1.19.8", "path\tgithub.com/nats-io/nats-server\nbuild\tGOOS=linux\n")));
    }

    @Test
    void filesThatAreNotGoProgramsHoldNothing() throws IOException {
        byte[] notElf = goProgram(300_000, 200_000, "go1.21.3", MODULES);
        notElf[0] = 'M';
        assertEquals(List.of(), read(notElf));
        byte[] strayOnly = goProgram(300_000, 200_000, "go1.21.3", MODULES);
        strayOnly[200_000] = 0;
        assertEquals(List.of(), read(strayOnly));
    }

    @Test
    void aGoProgramInALayerJoinsTheInventory() throws IOException {
        LayerWalker walker = new LayerWalker(Inventory.analyzers());
        walker.apply("sha256:l1", new ByteArrayInputStream(new TestLayers()
                .file("usr/local/bin/server", goProgram(400_000, 300_016, "go1.21.3", MODULES), 0755).build(GZIP)));
        List<String> found = Inventory.of(walker.files()).components().stream()
                .map(c -> c.ecosystem() + " " + c.name() + " " + c.location()).toList();
        assertEquals(List.of("Go example.com/shop usr/local/bin/server", "Go github.com/gin-gonic/gin usr/local/bin/server",
                "Go golang.org/x/net usr/local/bin/server",
                "Go golang.org/x/text usr/local/bin/server", "Go stdlib usr/local/bin/server"), found);
    }
}
