/**
 * Languages: Simplified Chinese first, English second. Message bundles, keys that are translated
 * when shown, and times in Beijing time as people read them.
 */
package org.educommons.platform.i18n;
