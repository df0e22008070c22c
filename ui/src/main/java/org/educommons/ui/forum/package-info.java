/** Screens of joint forums: a community's forums, hosting one, and one forum with registration, agenda and the host's desk. */
package org.educommons.ui.forum;
