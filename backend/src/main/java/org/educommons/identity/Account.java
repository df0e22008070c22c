package org.educommons.identity;

import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.educommons.tenancy.TenantRowKey;

/** A person's account (账号) in one tenant. Tenant-owned: row-level security keeps it inside its tenant. */
@Entity
@Table(name = "account")
@IdClass(TenantRowKey.class)
public class Account {

    @Id
    @Column(name = "tenant_id")
    private Long tenantId;

    @Id
    private Long id;

    private String username;

    @Column(name = "display_name")
    private String displayName;

    private String email;

    private String roles;

    private boolean enabled;

    @Column(name = "school_id")
    private Long schoolId;

    @Version
    private int version;

    protected Account() {
    }

    public long tenantId() {
        return tenantId;
    }

    public long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    public Set<Role> roles() {
        return Role.parse(roles);
    }

    public boolean enabled() {
        return enabled;
    }

    /** The school a principal heads; {@code null} for other accounts. */
    public Long schoolId() {
        return schoolId;
    }
}
