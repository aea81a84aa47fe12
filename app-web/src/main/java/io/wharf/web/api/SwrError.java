package io.wharf.web.api;

import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;

/**
 * The SWR error codes Wharf answers with, as listed in the reference's appendix, each with its HTTP status, and
 * {@link #of} which reads a domain failure in this catalogue: the JSON API's one mapping from meaning to code and status.
 */
public enum SwrError {
    INVALID_PARAMETER("SVCSTG.SWR.4000014", 400, "Invalid API parameters."),
    INVALID_FILTER("SVCSTG.SWR.4001035", 400, "Invalid filtering criteria."),
    INVALID_BODY_TYPE("SVCSTG.SWR.4001018", 415, "Invalid request body type."),
    INVALID_ORGANIZATION_NAME("SVCSTG.SWR.4001028", 400, "Invalid organization name."),
    INVALID_USERNAME("SVCSTG.SWR.4001067", 400, "Invalid username."),
    INVALID_IMAGE_NAME("SVCSTG.SWR.4001029", 400, "Invalid image name."),
    INVALID_IS_PUBLIC("SVCSTG.SWR.4001009", 400, "is_public must be set to true or false."),
    DESCRIPTION_TOO_LONG("SVCSTG.SWR.4131012", 413, "The description exceeds the maximum length allowed."),
    AUTHENTICATION_FAILED("SVCSTG.SWR.4010000", 401, "Authentication failed."),
    NO_CREDENTIALS("SVCSTG.S2I.4019000", 401, "Authentication error: No user token or user AK/SK information found."),
    FORBIDDEN("SVCSTG.SWR.4039002", 403, "You do not have the permission to perform this operation."),
    TOO_MANY_REQUESTS("SVCSTG.SWR.4031032", 429, "The number of requests exceeds the maximum number allowed."),
    URL_NOT_FOUND("SVCSTG.SWR.4040083", 404, "The requested URL was not found."),
    ORGANIZATION_NOT_FOUND("SVCSTG.SWR.4040058", 404, "The organization was not found."),
    REPOSITORY_NOT_FOUND("SVCSTG.SWR.4040113", 404, "The image was not found."),
    TAG_NOT_FOUND("SVCSTG.SWR.4040115", 404, "The image tag was not found."),
    ACCOUNT_NOT_FOUND("SVCSTG.SWR.4040084", 404, "The account was not found."),
    METHOD_NOT_ALLOWED("SVCSTG.SWR.4050001", 405, "The method is not allowed for the requested URL."),
    ORGANIZATION_NOT_EMPTY("SVCSTG.SWR.4060074", 406, "The organization cannot be deleted because there are images in it."),
    ORGANIZATION_EXISTS("SVCSTG.SWR.4090060", 409, "The organization already exists."),
    REPOSITORY_EXISTS("SVCSTG.SWR.4090006", 409, "The image already exists."),
    SHARE_EXISTS("SVCSTG.SWR.4090089", 409, "The permission already exists."),
    SHARE_NOT_FOUND("SVCSTG.SWR.4040091", 404, "The permission was not found."),
    GRANT_EXISTS("SVCSTG.SWR.4090076", 409, "The organization permission already exists."),
    GRANT_NOT_FOUND("SVCSTG.SWR.4040078", 404, "The organization permission was not found."),
    INVALID_PERMISSION("SVCSTG.SWR.4001066", 400, "Invalid permissions."),
    RESOURCE_EXISTS("SVCSTG.SWR.4090089", 409, "The resource already exists."),
    BODY_TOO_LARGE("SVCSTG.SWR.4131001", 413, "The request body is too large."),
    ORGANIZATION_QUOTA_EXCEEDED("SVCSTG.SWR.4000097", 400, "The maximum number of organizations has been exceeded."),
    INTERNAL_ERROR("SVCSTG.SWR.5000046", 500, "Internal server error."),
    SERVICE_UNAVAILABLE("SVCSTG.SWR.5030001", 503, "The service is unavailable.");

    private final String code;
    private final int httpStatus;
    private final String defaultMessage;

    SwrError(String code, int httpStatus, String defaultMessage) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.defaultMessage = defaultMessage;
    }

    /** The catalogue entry for a failure: by its meaning, made precise by its subject or its field. */
    public static SwrError of(WharfException e) {
        return switch (e.failure()) {
            case INVALID -> invalid(e.field());
            case TOO_LONG -> "description".equals(e.field()) ? DESCRIPTION_TOO_LONG
                    : "body".equals(e.field()) ? BODY_TOO_LARGE : INVALID_PARAMETER;
            case UNKNOWN_REFERENCE -> e.subject() == Subject.USER ? INVALID_USERNAME : INVALID_PARAMETER;
            case NOT_FOUND -> switch (e.subject()) {
                case ORGANIZATION -> ORGANIZATION_NOT_FOUND;
                case REPOSITORY -> REPOSITORY_NOT_FOUND;
                case IMAGE, MANIFEST -> TAG_NOT_FOUND;
                case ACCOUNT, USER -> ACCOUNT_NOT_FOUND;
                case SHARE -> SHARE_NOT_FOUND;
                case GRANT -> GRANT_NOT_FOUND;
                default -> URL_NOT_FOUND;
            };
            case EXISTS -> switch (e.subject()) {
                case ORGANIZATION -> ORGANIZATION_EXISTS;
                case REPOSITORY -> REPOSITORY_EXISTS;
                case SHARE -> SHARE_EXISTS;
                case GRANT -> GRANT_EXISTS;
                default -> RESOURCE_EXISTS;
            };
            case NOT_EMPTY -> ORGANIZATION_NOT_EMPTY;
            case BUSY -> RESOURCE_EXISTS;
            case LIMIT_REACHED -> e.subject() == Subject.ORGANIZATION
                    ? ORGANIZATION_QUOTA_EXCEEDED : INVALID_PARAMETER;
            case ANONYMOUS -> NO_CREDENTIALS;
            case UNAUTHENTICATED -> AUTHENTICATION_FAILED;
            case FORBIDDEN -> FORBIDDEN;
            case THROTTLED -> TOO_MANY_REQUESTS;
            case UNAVAILABLE -> SERVICE_UNAVAILABLE;
        };
    }

    /** SWR has codes of its own for a few fields; every other broken field is an invalid parameter. */
    private static SwrError invalid(String field) {
        return switch (field == null ? "" : field) {
            case "namespace" -> INVALID_ORGANIZATION_NAME;
            case "repository" -> INVALID_IMAGE_NAME;
            case "user_name" -> INVALID_USERNAME;
            case "is_public" -> INVALID_IS_PUBLIC;
            case "auth" -> INVALID_PERMISSION;
            case "filter" -> INVALID_FILTER;
            default -> INVALID_PARAMETER;
        };
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String defaultMessage() {
        return defaultMessage;
    }
}
