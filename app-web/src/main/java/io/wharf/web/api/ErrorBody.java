package io.wharf.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The error body: the documents' {@code errorCode}/{@code errorMessage} and the {@code error_code}/{@code error_msg}
 * that the official SDK parses, with the same values.
 */
@JsonbPropertyOrder({"errorCode", "errorMessage", "error_code", "error_msg"})
public record ErrorBody(@JsonbProperty("errorCode") String errorCode,
                        @JsonbProperty("errorMessage") String errorMessage,
                        @JsonbProperty("error_code") String sdkErrorCode,
                        @JsonbProperty("error_msg") String sdkErrorMessage) {

    private static final Jsonb JSONB = JsonbBuilder.create();

    public static ErrorBody of(String code, String message) {
        return new ErrorBody(code, message, code, message);
    }

    /** For the few places outside JAX-RS (plain servlets) that answer with an error. */
    public String toJson() {
        return JSONB.toJson(this);
    }
}
