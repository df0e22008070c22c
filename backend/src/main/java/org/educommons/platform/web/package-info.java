/**
 * What every HTTP response carries and every request is held to, before any capability sees it:
 * security headers, the session cookie's attributes, the size of a request body.
 */
package org.educommons.platform.web;
