package io.wharf.web.api;

import io.wharf.web.api.hss.ImageAssetResponse;
import io.wharf.web.api.hss.ImageAssetsResource;
import io.wharf.web.api.manage.RepositoryListItem;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The hand-written JSON is byte for byte what JSON-B writes with Wharf's settings, or refused. */
class RecordJsonTest {
    /** Every control character, quotes, backslashes, a slash, accents, an emoji and a script tag. */
    private static final String AWKWARD;

    static {
        StringBuilder s = new StringBuilder("a\"b\\c/d é 中 \uD83D\uDE80 </script>");
        for (char c = 0; c < 0x20; c++) {
            s.append(c);
        }
        AWKWARD = s.append('\u007f').append('\u2028').toString();
    }

    private static void assertSameAsJsonb(Object value) throws RecordJson.Unsupported {
        assertEquals(JsonSettings.JSONB.toJson(value), new String(RecordJson.write(value), StandardCharsets.UTF_8));
    }

    @Test
    void aPageOfRepositoriesIsWrittenAsJsonbWritesIt() throws Exception {
        List<RepositoryListItem> page = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            page.add(new RepositoryListItem("repo" + i, "linux", AWKWARD, 1L << 40, i % 2 == 0, i, -i,
                    "2026-11-30T15:38:36.387892Z", "2026-11-30T15:38:36Z", "", "", "r/ns/repo" + i, "r/ns/repo" + i,
                    "acct", "ns", List.of("v1", "latest", AWKWARD), i == 1, 1000));
        }
        assertSameAsJsonb(page);
    }

    @Test
    void nullPropertiesAreLeftOutAndNestedRecordsWritten() throws Exception {
        ImageAssetResponse withScan = new ImageAssetResponse(7, "ns", "web", "sha256:i", "sha256:d", "v1",
                "shared_image", true, "success", "", 100, 1_700_000_000_000L, 1_700_000_000_001L, 3, 0, 0, "acct0000",
                "effective", true, "", "", "", List.of(new ImageAssetResponse.AssociatedImageResponse("web", "v1",
                "shared_image", "ns", "sha256:c", "unscan")), new ImageAssetResponse.SeveritySummary(1, 2, 0, 0, 0, 3));
        ImageAssetResponse unscanned = new ImageAssetResponse(8, "ns", "web", "sha256:i", "sha256:d", AWKWARD,
                "private_image", false, "unscan", "", 0, 0, null, null, null, null, null, null, true, "", "", "",
                List.of(), null);
        assertSameAsJsonb(new ImageAssetsResource.AssetList(2, List.of(withScan, unscanned)));
    }

    @Test
    void mapsKeepTheirOrder() throws Exception {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("zeta", 1);
        map.put("alpha", List.of(true, "x"));
        map.put(AWKWARD, Map.of("k", 2L));
        assertSameAsJsonb(map);
    }

    @Test
    void whatOnlyJsonbWritesIsRefused() {
        record WithInstant(Instant at) {
        }
        record WithGetter(String name) {
            public String getLabel() {
                return name;
            }
        }
        record WithDecimal(double ratio) {
        }
        assertThrows(RecordJson.Unsupported.class, () -> RecordJson.write(new WithInstant(Instant.EPOCH)));
        assertThrows(RecordJson.Unsupported.class, () -> RecordJson.write(List.of(new WithGetter("x"))));
        assertThrows(RecordJson.Unsupported.class, () -> RecordJson.write(new WithDecimal(0.5)));
        assertThrows(RecordJson.Unsupported.class, () -> RecordJson.write(
                new ErrorBody("SVCSTG.SWR.4000001", "bad", "SVCSTG.SWR.4000001", "bad")));
    }

    @Test
    void namesAreSnakeCase() {
        assertEquals("is_public", RecordJson.snakeCase("isPublic"));
        assertEquals("sha256_digest", RecordJson.snakeCase("sha256Digest"));
        assertEquals("total_range", RecordJson.snakeCase("totalRange"));
    }
}
