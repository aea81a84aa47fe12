package io.wharf.web.application;

import io.wharf.domain.cluster.Leases;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This server as one node of a cluster sharing a database: it holds a lease on its own name while it lives (renewed
 * every ten seconds, for thirty), and runs a scheduled job only under the job's lease, so that the job runs once across
 * the cluster; a node that dies mid-job stops renewing, and the next node whose schedule comes takes the job over.
 */
@ApplicationScoped
public class ClusterNode {
    private static final Logger LOG = Logger.getLogger(ClusterNode.class.getName());
    static final Duration NODE_LEASE = Duration.ofSeconds(30);
    private static final long HEARTBEAT_SECONDS = 10;

    private final String id;
    @Inject
    MaintenanceService maintenance;
    @Inject
    Leases leases;
    @Inject
    ClusterNode self;
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;
    private ScheduledFuture<?> heartbeat;

    protected ClusterNode() {
        id = WharfSettings.value("WHARF_NODE_ID").orElseGet(ClusterNode::generatedId);
    }

    /** For tests over in-memory ports. */
    ClusterNode(String id, Leases leases, MaintenanceService maintenance) {
        this.id = id;
        this.leases = leases;
        this.maintenance = maintenance;
        this.self = this;
    }

    /** The name this node claims work under: {@code WHARF_NODE_ID}, else its host name and a random suffix. */
    public String id() {
        return id;
    }

    void start(@Observes @Priority(Interceptor.Priority.APPLICATION) Startup started) {
        beat();
        heartbeat = scheduler.scheduleWithFixedDelay(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        LOG.info(() -> "Cluster node " + id() + " started");
    }

    @PreDestroy
    void stop() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
    }

    private void beat() {
        try {
            self.renewOwnLease();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Node lease not renewed (the database may be away)", e);
        }
    }

    @UseCase
    public void renewOwnLease() {
        leases.acquire(Leases.NODE + id(), id(), NODE_LEASE, null, Instant.now());
    }

    /**
     * Runs {@code work} here when this node takes the lease {@code job} — no other node holds it, and the last run
     * finished at least {@code interval} ago ({@code null}: whenever free). The lease lasts {@code ttl}: longer than the
     * work takes, short enough for another node to take over when this one dies. Answers whether the work ran here.
     */
    public boolean once(String job, Duration interval, Duration ttl, Runnable work) {
        if (maintenance.current().readOnly()) {
            LOG.info(() -> job + " waits: Wharf is read-only for maintenance");
            return false;
        }
        if (!self.take(job, interval, ttl)) {
            LOG.fine(() -> job + " runs on another node, or ran within " + interval);
            return false;
        }
        boolean done = false;
        try {
            work.run();
            done = true;
        } finally {
            boolean finished = done;
            try {
                self.end(job, finished);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The lease of " + job + " was not given back; it runs out by itself", e);
            }
        }
        return true;
    }

    @UseCase
    public boolean take(String job, Duration interval, Duration ttl) {
        return leases.acquire("job:" + job, id(), ttl, interval, Instant.now());
    }

    @UseCase
    public void end(String job, boolean finished) {
        if (finished) {
            leases.finish("job:" + job, id(), Instant.now());
        } else {
            leases.release("job:" + job, id(), Instant.now());
        }
    }

    private static String generatedId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "wharf";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
