/** The audit trail: who changed what, in which tenant, when; written in the same transaction as the change. */
package org.educommons.platform.audit;
