/** The signed-in home (工作台): what waits for the person, per role, each entry leading to where it is handled. */
package org.educommons.ui.workbench;
