package org.educommons.workplan;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.educommons.tenancy.TenantRowKey;

/** A member's annual work plan (年度工作计划) in one community for one year. */
@Entity
@Table(name = "work_plan")
@IdClass(TenantRowKey.class)
public class WorkPlan {

    @Id
    @Column(name = "tenant_id")
    private Long tenantId;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "work_plan_id")
    @SequenceGenerator(name = "work_plan_id", sequenceName = "work_plan_id_seq", allocationSize = 1)
    private Long id;

    @Column(name = "community_id")
    private Long communityId;

    private int year;

    @Column(name = "published_at")
    private OffsetDateTime publishedAt;

    private String summary;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    @Version
    private int version;

    protected WorkPlan() {
    }

    WorkPlan(long tenantId, long communityId, int year) {
        this.tenantId = tenantId;
        this.communityId = communityId;
        this.year = year;
    }

    public long tenantId() {
        return tenantId;
    }

    public long id() {
        return id;
    }

    public long communityId() {
        return communityId;
    }

    public int year() {
        return year;
    }

    public boolean published() {
        return publishedAt != null;
    }

    public boolean closed() {
        return closedAt != null;
    }

    public String summary() {
        return summary;
    }

    void publish(OffsetDateTime now) {
        if (publishedAt == null) {
            publishedAt = now;
        }
    }

    void close(String yearEndSummary, OffsetDateTime now) {
        this.summary = yearEndSummary;
        this.closedAt = now;
    }
}
