package io.wharf.web.fakes;

import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.permission.Grant;
import io.wharf.domain.permission.Grants;
import io.wharf.domain.permission.Permission;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Grants in memory, keyed by what they are on and whom they are for. */
public final class InMemoryGrants implements Grants {
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    private static String key(Grant.Scope scope, long targetId, String userId) {
        return scope + "/" + targetId + "/" + userId;
    }

    /** All or none, as in one transaction: a grant the user holds already refuses the lot. */
    @Override
    public void add(Collection<Grant> added) {
        added.stream().filter(g -> grants.containsKey(key(g.scope(), g.targetId(), g.userId()))).findFirst().ifPresent(g -> {
            throw WharfException.exists(Subject.GRANT, "The user " + g.userName() + " already holds a permission here.");
        });
        added.forEach(g -> grants.put(key(g.scope(), g.targetId(), g.userId()), g));
    }

    @Override
    public void update(Collection<Grant> updated) {
        updated.stream().filter(g -> !grants.containsKey(key(g.scope(), g.targetId(), g.userId()))).findFirst().ifPresent(g -> {
            throw WharfException.notFound(Subject.GRANT, "The user " + g.userName() + " holds no permission here yet.");
        });
        updated.forEach(g -> grants.put(key(g.scope(), g.targetId(), g.userId()), g));
    }

    @Override
    public int remove(Grant.Scope scope, long targetId, Collection<String> userIds) {
        int removed = 0;
        for (String user : userIds) {
            removed += grants.remove(key(scope, targetId, user)) == null ? 0 : 1;
        }
        return removed;
    }

    @Override
    public void removeAll(Grant.Scope scope, long targetId) {
        grants.values().removeIf(g -> g.scope() == scope && g.targetId() == targetId);
    }

    @Override
    public List<Grant> of(Grant.Scope scope, long targetId) {
        return grants.values().stream().filter(g -> g.scope() == scope && g.targetId() == targetId).toList();
    }

    @Override
    public Optional<Permission> held(Grant.Scope scope, long targetId, String userId) {
        return Optional.ofNullable(grants.get(key(scope, targetId, userId))).map(Grant::auth);
    }
}
