/**
 * Notifications through an outbox: written in the transaction of the change that causes them, sent
 * by e-mail after commit with retries and backoff.
 */
package org.educommons.platform.outbox;
