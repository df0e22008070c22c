package org.educommons.workplan;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.educommons.platform.audit.Changes;
import org.educommons.tenancy.TenantRowKey;

/** One activity a member commits to in its annual plan (计划事项). */
@Entity
@Table(name = "plan_item")
@IdClass(TenantRowKey.class)
public class PlanItem {

    @Id
    @Column(name = "tenant_id")
    private Long tenantId;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "plan_item_id")
    @SequenceGenerator(name = "plan_item_id", sequenceName = "plan_item_id_seq", allocationSize = 1)
    private Long id;

    @Column(name = "plan_id")
    private Long planId;

    @Column(name = "community_id")
    private Long communityId;

    private int year;

    private int position;

    private String title;

    @Enumerated(EnumType.STRING)
    private PlanCategory category;

    @Column(name = "start_month")
    private Integer startMonth;

    @Column(name = "end_month")
    private Integer endMonth;

    @Column(name = "lead_unit")
    private String leadUnit;

    @Column(name = "target_participants")
    private String targetParticipants;

    private String description;

    @Enumerated(EnumType.STRING)
    private ItemStatus status = ItemStatus.PLANNED;

    @Column(name = "published_at")
    private OffsetDateTime publishedAt;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "plan_item_co_organiser", joinColumns = {
            @JoinColumn(name = "tenant_id", referencedColumnName = "tenant_id"),
            @JoinColumn(name = "item_id", referencedColumnName = "id")})
    @Column(name = "co_organiser_id")
    private Set<Long> coOrganisers = new TreeSet<>();

    @Version
    private int version;

    protected PlanItem() {
    }

    PlanItem(WorkPlan plan, int position, PlanItemContent content) {
        this.tenantId = plan.tenantId();
        this.planId = plan.id();
        this.communityId = plan.communityId();
        this.year = plan.year();
        this.position = position;
        apply(content);
    }

    /**
     * Replaces the editable content and returns what changed as field → [before, after]; empty when
     * nothing did.
     */
    Changes apply(PlanItemContent c) {
        Changes changes = new Changes();
        title = changes.field("title", title, c.title());
        category = changes.field("category", category, c.category());
        startMonth = changes.field("startMonth", startMonth, c.startMonth());
        endMonth = changes.field("endMonth", endMonth, c.endMonth());
        leadUnit = changes.field("leadUnit", leadUnit, c.leadUnit());
        targetParticipants = changes.field("targetParticipants", targetParticipants, c.targetParticipants());
        description = changes.field("description", description, c.description());
        Set<Long> newCoOrganisers = new TreeSet<>(c.coOrganiserIds());
        if (!newCoOrganisers.equals(coOrganisers)) {
            changes.put("coOrganisers", List.copyOf(coOrganisers), List.copyOf(newCoOrganisers));
            coOrganisers.clear();
            coOrganisers.addAll(newCoOrganisers);
        }
        if (!changes.isEmpty()) {
            updatedAt = OffsetDateTime.now();
        }
        return changes;
    }

    Changes moveTo(ItemStatus next) {
        Changes changes = new Changes();
        status = changes.field("status", status, next);
        if (!changes.isEmpty()) {
            updatedAt = OffsetDateTime.now();
        }
        return changes;
    }

    void publish(OffsetDateTime now) {
        if (publishedAt == null) {
            publishedAt = now;
        }
    }

    public long tenantId() {
        return tenantId;
    }

    public long id() {
        return id;
    }

    public long planId() {
        return planId;
    }

    public long communityId() {
        return communityId;
    }

    public int year() {
        return year;
    }

    public int position() {
        return position;
    }

    public ItemStatus status() {
        return status;
    }

    public boolean published() {
        return publishedAt != null;
    }

    public int version() {
        return version;
    }

    public PlanItemContent content() {
        return new PlanItemContent(title, category, startMonth, endMonth, leadUnit, Set.copyOf(coOrganisers),
                targetParticipants, description);
    }
}
