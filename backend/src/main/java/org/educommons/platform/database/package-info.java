/**
 * PostgreSQL underneath everything: connection settings and data sources (the owner, the
 * application's role under row-level security, the mailer's role), schema migrations with Flyway,
 * the embedded server for development and tests, the health check, and {@link org.educommons.platform.database.Row},
 * through which native query results become records.
 */
package org.educommons.platform.database;
