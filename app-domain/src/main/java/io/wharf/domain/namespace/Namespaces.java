package io.wharf.domain.namespace;

import java.util.List;
import java.util.Optional;

/** The organizations Wharf keeps. */
public interface Namespaces {

    /** Stores a new organization; a taken name fails as {@code Failure.EXISTS}, even under a race. */
    Namespace add(NamespaceName name, String accountId, String creatorId, String creatorName);

    Optional<Namespace> byName(NamespaceName name);

    /** One page of the organizations the query selects, in name order. */
    List<Namespace> list(NamespaceQuery query);

    /** How many organizations the query selects, ignoring its paging. */
    long count(NamespaceQuery query);

    void remove(Namespace namespace);
}
