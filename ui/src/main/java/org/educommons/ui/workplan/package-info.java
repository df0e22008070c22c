/** Screens of annual work plans: the combined plan table of a community and a member's own plan. */
package org.educommons.ui.workplan;
