/**
 * The Vaadin application shell: layout and navigation, language, error pages. Views live in
 * sub-packages named after the capability whose services they call.
 */
package org.educommons.ui;
