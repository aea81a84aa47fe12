package io.wharf.persistence.jpa;

import io.wharf.domain.sync.RegistryType;
import io.wharf.domain.sync.TaskRegistry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

@Entity
@Table(name = "sync_task_registry")
@IdClass(SyncTaskRegistryRow.Key.class)
class SyncTaskRegistryRow {
    @Id
    @Column(name = "task_id")
    long taskId;
    @Id
    @Column(name = "registry_id")
    long registryId;
    @Column(name = "registry_name")
    String registryName;
    @Column(name = "registry_type")
    String registryType;
    @Column(name = "sync_status")
    String syncStatus;
    @Column(name = "failed_reason")
    String failedReason;
    @Column(name = "total_num")
    int totalNum;
    @Column(name = "updated_at")
    Instant updatedAt;

    protected SyncTaskRegistryRow() {
    }

    TaskRegistry toTaskRegistry() {
        return new TaskRegistry(taskId, registryId, registryName, RegistryType.valueOf(registryType), syncStatus,
                failedReason, totalNum);
    }

    /** The composite key: task and registry. */
    static class Key implements Serializable {
        long taskId;
        long registryId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.taskId == taskId && key.registryId == registryId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(taskId, registryId);
        }
    }
}
