/** Signing in and out on the screens, and one's own calendar links. */
package org.educommons.ui.identity;
