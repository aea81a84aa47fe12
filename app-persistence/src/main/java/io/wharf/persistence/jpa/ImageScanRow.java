package io.wharf.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An image's scan, mapped for the image list's scan filters (JpaScanReports writes it with SQL). */
@Entity
@Table(name = "image_scan")
class ImageScanRow {
    @Id
    Long id;
    @Column(name = "repository_id")
    long repositoryId;
    String digest;
    String status;
    @Column(name = "scanned_at")
    Instant scannedAt;
    @Column(name = "vul_num")
    int vulNum;
    @Column(name = "unsafe_setting_num")
    int unsafeSettingNum;
    @Column(name = "malicious_file_num")
    int maliciousFileNum;

    protected ImageScanRow() {
    }
}
