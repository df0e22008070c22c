/** Screens of joint activities: a community's list, proposing one, and one activity with its answers and outcome. */
package org.educommons.ui.activity;
