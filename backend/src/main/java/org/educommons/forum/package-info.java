/**
 * Joint forums (论坛) hosted by a member of a community, and registration (报名): seats, quotas per
 * member (名额分配), waitlist and host approval. Seat rules are enforced by PostgreSQL
 * ({@code forum_register}, {@code forum_cancel} and the seat trigger), so parallel requests cannot
 * overbook a forum.
 */
package org.educommons.forum;
