package io.wharf.web.application;

import java.util.Optional;

/** Whether an account exists to receive a share, and the share of the repository with it, if any. */
public record ShareCheck(String accountName, boolean exists, Optional<ShareView> share) {
}
