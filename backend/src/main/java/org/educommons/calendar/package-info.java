/**
 * Calendar feeds (iCalendar, RFC 5545): a forum with its agenda sessions, and a community's forums,
 * sessions and joint activities, to subscribe to from a phone's calendar. Each capability says what
 * it has on which dates; this package writes them as {@code .ics}.
 */
package org.educommons.calendar;
