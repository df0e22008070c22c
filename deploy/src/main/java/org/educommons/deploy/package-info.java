/**
 * The launcher behind {@code deploy/run}: configuration from the environment, the embedded
 * PostgreSQL when no server is configured, and Payara Micro running the application.
 */
package org.educommons.deploy;
