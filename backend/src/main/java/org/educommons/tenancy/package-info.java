/**
 * Tenants (成员单位: city and district education authorities), the communities they form
 * (教育共同体) and their memberships; and the one way a request learns its tenant
 * ({@link org.educommons.tenancy.TenantContext}) and hands it to PostgreSQL's row-level security
 * ({@link org.educommons.tenancy.TenantTransactional}).
 */
package org.educommons.tenancy;
