/**
 * The small shared base every capability stands on: database access and schema, problem details
 * for errors, internationalisation and the REST application itself.
 */
package org.educommons.platform;
