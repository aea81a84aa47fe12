package io.wharf.domain.permission;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The rights given to users on organizations and repositories. */
public interface Grants {

    /** Stores new grants, all or none; one a user already holds on that target fails as {@code Failure.EXISTS}. */
    void add(Collection<Grant> grants);

    /** Changes existing grants, all or none; a user holding none on that target fails as {@code Failure.NOT_FOUND}. */
    void update(Collection<Grant> grants);

    /** Removes the grants of these users on the target; returns how many existed. */
    int remove(Grant.Scope scope, long targetId, Collection<String> userIds);

    /** Removes every grant on the target, when the organization or repository itself goes. */
    void removeAll(Grant.Scope scope, long targetId);

    List<Grant> of(Grant.Scope scope, long targetId);

    Optional<Permission> held(Grant.Scope scope, long targetId, String userId);
}
