package io.wharf.persistence.jpa;

import io.wharf.domain.trigger.Trigger;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A trigger as it is created; an entity so that a duplicate name surfaces as a unique-key violation on insert. */
@Entity
@Table(name = "image_trigger")
class TriggerRow {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "repository_id")
    long repositoryId;
    String name;
    String action;
    @Column(name = "app_type")
    String appType;
    String application;
    @Column(name = "cluster_id")
    String clusterId;
    @Column(name = "cluster_name")
    String clusterName;
    @Column(name = "cluster_ns")
    String clusterNs;
    @Column(name = "trigger_condition")
    String condition;
    String container;
    boolean enabled;
    @Column(name = "trigger_mode")
    String triggerMode;
    @Column(name = "trigger_type")
    String triggerType;
    @Column(name = "webhook_url")
    String webhookUrl;
    @Column(name = "sealed_secret")
    String sealedSecret;
    @Column(name = "creator_name")
    String creatorName;
    @Column(name = "created_at")
    Instant createdAt;

    protected TriggerRow() {
    }

    TriggerRow(Trigger t) {
        repositoryId = t.repositoryId();
        name = t.name();
        action = t.action();
        appType = t.appType();
        application = t.application();
        clusterId = t.clusterId();
        clusterName = t.clusterName();
        clusterNs = t.clusterNs();
        condition = t.condition();
        container = t.container();
        enabled = t.enabled();
        triggerMode = t.triggerMode();
        triggerType = t.triggerType();
        webhookUrl = t.webhookUrl();
        sealedSecret = t.sealedSecret();
        creatorName = t.creatorName();
        createdAt = t.createdAt();
    }

    Trigger trigger() {
        return new Trigger(id, repositoryId, name, action, appType, application, clusterId, clusterName, clusterNs,
                condition, container, enabled, triggerMode, triggerType, webhookUrl, sealedSecret, creatorName, createdAt);
    }
}
