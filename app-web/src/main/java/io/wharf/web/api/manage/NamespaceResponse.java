package io.wharf.web.api.manage;

import io.wharf.web.application.NamespaceView;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** One organization as the pages show it: {@code id}, {@code name}, {@code creator_name}, {@code auth}. */
@JsonbPropertyOrder({"id", "name", "creatorName", "auth"})
public record NamespaceResponse(long id, String name, String creatorName, int auth) {

    static NamespaceResponse of(NamespaceView view) {
        return new NamespaceResponse(view.namespace().id(), view.namespace().name().value(),
                view.namespace().creatorName(), view.auth().auth());
    }
}
