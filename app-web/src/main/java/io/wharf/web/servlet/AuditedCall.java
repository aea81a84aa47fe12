package io.wharf.web.servlet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which calls the audit trail records, and as what: every state-changing call of the JSON APIs (service {@code SWR},
 * {@code HSS}, {@code IAM}) and of the console ({@code console}), and the registry's pushes, pulls and deletes of
 * manifests ({@code registry}; blob transfers are parts of those). The action is named after the method and the last
 * resource of the path ({@code POST .../namespaces} is {@code createNamespace}); the resource's name is the path's
 * identifiers joined by {@code /}.
 */
public record AuditedCall(String serviceType, String traceName, String resourceType, String resourceName) {
    private static final Pattern MANIFEST = Pattern.compile("/v2/(.+)/manifests/([^/]+)");
    private static final Pattern BLOB = Pattern.compile("/v2/(.+)/blobs/([^/]+)");

    /** {@code path}: the request's path within the application, not decoded; {@code action}: a console form's action. */
    public static Optional<AuditedCall> of(String method, String path, String action) {
        boolean changes = switch (method) {
            case "POST", "PUT", "PATCH", "DELETE" -> true;
            default -> false;
        };
        if (path.startsWith("/v2/manage/")) {
            return changes ? Optional.of(api("SWR", method, segments(path.substring("/v2/manage/".length())))) : Optional.empty();
        }
        if (path.startsWith("/v5/")) {
            // /v5/{project_id}/image/...: the project is the caller's, "image" the API's prefix.
            List<String> parts = segments(path.substring("/v5/".length()));
            int skip = Math.min(parts.size(), parts.size() > 1 && parts.get(1).equals("image") ? 2 : 1);
            return changes ? Optional.of(api("HSS", method, parts.subList(skip, parts.size()))) : Optional.empty();
        }
        if (path.startsWith("/v3/") || path.startsWith("/v3.0/")) {
            // Grouping segments (OS-CREDENTIAL, auth) are not collections: /v3/auth/tokens creates a token.
            List<String> parts = new ArrayList<>(segments(path.substring(path.indexOf('/', 1) + 1)));
            while (!parts.isEmpty() && (parts.get(0).startsWith("OS-") || parts.get(0).equals("auth"))) {
                parts.remove(0);
            }
            return changes ? Optional.of(api("IAM", method, parts)) : Optional.empty();
        }
        if (path.startsWith("/console/")) {
            if (!"POST".equals(method)) {
                return Optional.empty();
            }
            AuditedCall call = api("console", method, segments(path.substring("/console/".length())));
            String verb = action == null || action.isBlank() ? "submit" : action.toLowerCase(Locale.ROOT).replace("-", "");
            return Optional.of(new AuditedCall("console", verb + capitalized(call.resourceType()), call.resourceType(),
                    call.resourceName()));
        }
        Matcher manifest = MANIFEST.matcher(path);
        if (manifest.matches()) {
            String reference = manifest.group(2);
            String name = manifest.group(1) + (reference.contains(":") ? "@" : ":") + reference;
            return switch (method) {
                case "PUT" -> Optional.of(new AuditedCall("registry", "push", "image", name));
                case "GET" -> Optional.of(new AuditedCall("registry", "pull", "image", name));
                case "DELETE" -> Optional.of(new AuditedCall("registry", "delete", "image", name));
                default -> Optional.empty();
            };
        }
        Matcher blob = BLOB.matcher(path);
        if (blob.matches() && "DELETE".equals(method)) {
            return Optional.of(new AuditedCall("registry", "deleteBlob", "blob", blob.group(1) + "@" + blob.group(2)));
        }
        return Optional.empty();
    }

    /** A path of collections and identifiers: the last collection names the resource, the identifiers its name. */
    private static AuditedCall api(String service, String method, List<String> parts) {
        String type = "";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (i % 2 == 0) {
                type = parts.get(i);
            } else {
                ids.add(parts.get(i));
            }
        }
        String singular = type.endsWith("ies") ? type.substring(0, type.length() - 3) + "y"
                : type.endsWith("s") ? type.substring(0, type.length() - 1) : type;
        String verb = switch (method) {
            case "POST" -> "create";
            case "PUT", "PATCH" -> "update";
            case "DELETE" -> "delete";
            default -> "read";
        };
        return new AuditedCall(service, verb + capitalized(singular), singular, String.join("/", ids));
    }

    private static String capitalized(String kebab) {
        StringBuilder out = new StringBuilder();
        for (String word : kebab.split("[-_]")) {
            if (!word.isEmpty()) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return out.toString();
    }

    private static List<String> segments(String rest) {
        List<String> parts = new ArrayList<>();
        for (String s : rest.split("/")) {
            if (!s.isEmpty()) {
                parts.add(java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return parts;
    }
}
