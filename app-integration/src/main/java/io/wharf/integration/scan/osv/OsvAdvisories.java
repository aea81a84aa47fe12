package io.wharf.integration.scan.osv;

import io.wharf.domain.scan.Advisory;
import io.wharf.domain.scan.AffectedPackage;
import io.wharf.domain.scan.AffectedRange;
import io.wharf.domain.scan.AffectedRange.Event;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one advisory in the OSV schema (osv.dev, the GitHub advisory database, the Debian, Alpine and Ubuntu exports).
 * Unknown fields are ignored; a document without an {@code id} or with the wrong types is refused with the reason.
 */
public final class OsvAdvisories {
    /** Advisory ids are short ASCII names (DSA-5678-1, GHSA-xxxx-xxxx-xxxx, CVE-2024-12345). */
    static final int MAX_ID = 128;
    private static final JsonProvider JSON = JsonProvider.provider();

    /** A document that is not an OSV advisory. */
    public static final class Malformed extends RuntimeException {
        public Malformed(String message) {
            super(message);
        }
    }

    private OsvAdvisories() {
    }

    public static Advisory read(InputStream json) {
        JsonObject doc;
        try (var reader = JSON.createReader(json)) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new Malformed("is not a JSON object");
            }
            doc = value.asJsonObject();
        } catch (jakarta.json.stream.JsonParsingException e) {
            // In Wharf's words: the parser's own message names its internals.
            var at = e.getLocation();
            throw new Malformed(at == null ? "is not valid JSON" : "is not valid JSON (line " + at.getLineNumber()
                    + ", column " + at.getColumnNumber() + ")");
        } catch (JsonException | ClassCastException | IllegalStateException e) {
            throw new Malformed("is not a JSON object");
        }
        try {
            String id = doc.getString("id", "");
            if (id.isBlank()) {
                throw new Malformed("has no id (an OSV advisory needs one)");
            }
            if (id.length() > MAX_ID || !id.codePoints().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new Malformed("has an id that is not 1 to " + MAX_ID + " printable ASCII characters");
            }
            List<String> cvss = new ArrayList<>();
            String label = "";
            for (JsonValue s : array(doc, "severity")) {
                JsonObject severity = s.asJsonObject();
                String type = severity.getString("type", "");
                if (type.startsWith("CVSS_")) {
                    cvss.add(severity.getString("score", ""));
                } else if (type.equals("Ubuntu")) {
                    label = severity.getString("score", "");
                }
            }
            if (doc.containsKey("database_specific") && doc.get("database_specific").getValueType() == JsonValue.ValueType.OBJECT
                    && doc.getJsonObject("database_specific").get("severity") instanceof JsonString word) {
                label = word.getString();
            }
            List<String> references = new ArrayList<>();
            for (JsonValue r : array(doc, "references")) {
                references.add(r.asJsonObject().getString("url", ""));
            }
            List<AffectedPackage> affected = new ArrayList<>();
            for (JsonValue a : array(doc, "affected")) {
                affected.add(affected(a.asJsonObject()));
            }
            Instant modified = time(doc, "modified");
            Instant published = time(doc, "published");
            return new Advisory(id, strings(doc, "aliases"), doc.getString("summary", ""), doc.getString("details", ""),
                    cvss, label, references, modified, published.equals(Instant.EPOCH) ? modified : published,
                    doc.containsKey("withdrawn") && doc.get("withdrawn").getValueType() == JsonValue.ValueType.STRING,
                    affected);
        } catch (ClassCastException | NullPointerException e) {
            throw new Malformed("(advisory " + doc.getString("id", "?") + ") has a field of the wrong type");
        }
    }

    private static AffectedPackage affected(JsonObject a) {
        JsonObject pkg = a.containsKey("package") ? a.getJsonObject("package") : JsonValue.EMPTY_JSON_OBJECT;
        List<AffectedRange> ranges = new ArrayList<>();
        for (JsonValue r : array(a, "ranges")) {
            JsonObject range = r.asJsonObject();
            List<Event> events = new ArrayList<>();
            for (JsonValue e : array(range, "events")) {
                JsonObject event = e.asJsonObject();
                for (Event.Kind kind : Event.Kind.values()) {
                    String key = kind.name().toLowerCase(Locale.ROOT);
                    if (event.containsKey(key)) {
                        events.add(new Event(kind, event.getString(key)));
                    }
                }
            }
            ranges.add(new AffectedRange(range.getString("type", ""), events));
        }
        return new AffectedPackage(pkg.getString("ecosystem", ""), pkg.getString("name", ""), ranges, strings(a, "versions"));
    }

    /**
     * An RFC 3339 time of the document; absent, unreadable or before 1970 (Go's vulndb writes {@code 0001-01-01} for
     * "unknown") it is the Unix epoch, which readers take for "not said".
     */
    private static Instant time(JsonObject doc, String key) {
        if (!(doc.get(key) instanceof JsonString text)) {
            return Instant.EPOCH;
        }
        try {
            Instant t = Instant.parse(text.getString());
            return t.isBefore(Instant.EPOCH) ? Instant.EPOCH : t;
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    private static JsonArray array(JsonObject o, String key) {
        return o.containsKey(key) && o.get(key).getValueType() == JsonValue.ValueType.ARRAY ? o.getJsonArray(key)
                : JsonValue.EMPTY_JSON_ARRAY;
    }

    private static List<String> strings(JsonObject o, String key) {
        return array(o, key).stream().map(v -> ((JsonString) v).getString()).toList();
    }
}
