package io.wharf.domain.credential;

import java.util.List;
import java.util.Optional;

/** The access keys of every user. */
public interface AccessKeys {

    void add(AccessKey key);

    Optional<AccessKey> byId(String accessKeyId);

    List<AccessKey> ofUser(String userId);

    void remove(AccessKey key);
}
