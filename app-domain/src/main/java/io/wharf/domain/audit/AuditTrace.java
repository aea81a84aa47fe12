package io.wharf.domain.audit;

import java.time.Instant;

/**
 * One recorded call, shaped after Cloud Trace Service's trace: {@code traceName} (the action, such as
 * {@code createNamespace} or {@code push}), {@code rating} ({@code normal}, {@code warning} for a refusal,
 * {@code incident} for a server failure), the resource's type and name, the caller (account, user, access key when
 * signed with one), the response code, the source address and the request id.
 */
public record AuditTrace(long id, String traceId, Instant time, String serviceType, String traceName, String rating,
                         String resourceType, String resourceName, String accountId, String accountName, String userId,
                         String userName, String accessKey, String method, String path, int code, String sourceIp,
                         String requestId) {
    public static final String NORMAL = "normal";
    public static final String WARNING = "warning";
    public static final String INCIDENT = "incident";

    /** The rating of a response code: what CTS calls normal, warning and incident. */
    public static String ratingOf(int code) {
        return code >= 500 ? INCIDENT : code >= 400 ? WARNING : NORMAL;
    }
}
