/**
 * Notifications through an outbox: written in the transaction of the change that causes them. E-mail
 * is sent after commit with retries and backoff; in-app notifications are read in each person's
 * inbox, in their language.
 */
package org.educommons.platform.outbox;
