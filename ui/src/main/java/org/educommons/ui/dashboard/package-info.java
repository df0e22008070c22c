/** A community's dashboard: its figures as bar charts (SVG drawn on the server), each with the numbers behind it. */
package org.educommons.ui.dashboard;
