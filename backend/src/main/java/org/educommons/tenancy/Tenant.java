package org.educommons.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A member unit (成员单位): a city or district education authority using the platform. Provisioned
 * from tenant-config; read-only for request work.
 */
@Entity
@Table(name = "tenant")
public class Tenant {

    @Id
    private Long id;

    private String slug;

    @Column(name = "name_zh")
    private String nameZh;

    @Column(name = "name_en")
    private String nameEn;

    @Enumerated(EnumType.STRING)
    private TenantKind kind;

    @Column(name = "parent_id")
    private Long parentId;

    private String region;

    protected Tenant() {
    }

    public Long id() {
        return id;
    }

    public TenantSlug slug() {
        return new TenantSlug(slug);
    }

    public LocalizedName name() {
        return new LocalizedName(nameZh, nameEn);
    }

    public TenantKind kind() {
        return kind;
    }

    public Long parentId() {
        return parentId;
    }

    public String region() {
        return region;
    }
}
