package io.wharf.web.application;

import io.wharf.domain.account.Caller;
import io.wharf.domain.registry.RegistryPath;
import io.wharf.domain.registry.StoredManifest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What follows a push once it is stored: scan on push, the triggers' events, automatic sync to other sites. The push has succeeded by then, so
 * a follow-up that fails is logged, never turned into the push's failure.
 */
@ApplicationScoped
public class PushFollowUps implements PushedImages {
    private static final Logger LOG = Logger.getLogger(PushFollowUps.class.getName());

    @Inject
    ScanService scans;
    @Inject
    TriggerService triggers;
    @Inject
    ReplicationService replication;

    @Override
    public void pushed(Caller caller, RegistryPath path, String tag, StoredManifest manifest) {
        try {
            scans.pushed(manifest);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not queue the scan of " + path + "@" + manifest.digest(), e);
        }
        try {
            triggers.pushed(caller, path, tag, manifest);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not queue the trigger events of " + path + ":" + tag, e);
        }
        try {
            replication.pushed(caller, path, tag, manifest);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not queue the automatic sync of " + path + ":" + tag, e);
        }
    }
}
