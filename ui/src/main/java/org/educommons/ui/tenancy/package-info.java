/** Screens of the community directory: the communities and one community's home with its members. */
package org.educommons.ui.tenancy;
