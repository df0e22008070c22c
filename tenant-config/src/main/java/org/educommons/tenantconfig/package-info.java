/**
 * Declarative tenants and communities: one YAML file each, read from a folder (and, in demo mode,
 * from the demo set shipped in this module), validated as a whole before anything is applied, then
 * applied idempotently in one transaction.
 */
package org.educommons.tenantconfig;
