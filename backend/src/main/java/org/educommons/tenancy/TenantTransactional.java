package org.educommons.tenancy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;
import jakarta.transaction.Transactional;

/**
 * Runs a method in a JTA transaction whose first statement tells PostgreSQL the caller's tenant
 * ({@code set_config('app.tenant_id', …, true)}), so row-level security sees exactly that tenant's
 * rows. Without a signed-in caller no tenant is set and tenant-owned tables show nothing.
 */
@Inherited
@InterceptorBinding
@Transactional
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface TenantTransactional {
}
