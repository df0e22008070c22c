/** Screens of joining: the application form, the secretariat's desk, and accepting an invitation. */
package org.educommons.ui.membership;
