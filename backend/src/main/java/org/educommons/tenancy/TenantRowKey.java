package org.educommons.tenancy;

import java.io.Serializable;
import java.util.Objects;

/**
 * The primary key of every tenant-owned row: (tenant, id), tenant first. Entities use it as their
 * {@code @IdClass} with fields named {@code tenantId} and {@code id}.
 */
public class TenantRowKey implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long tenantId;
    private Long id;

    public TenantRowKey() {
    }

    public TenantRowKey(Long tenantId, Long id) {
        this.tenantId = tenantId;
        this.id = id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TenantRowKey k && Objects.equals(tenantId, k.tenantId) && Objects.equals(id, k.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, id);
    }
}
