/**
 * Joint forums (论坛) hosted by a member of a community, and registration (报名): seats, quotas per
 * member (名额分配), waitlist and host approval. Seat rules are enforced by PostgreSQL
 * ({@code forum_register}, {@code forum_cancel} and the seat trigger), so parallel requests cannot
 * overbook a forum.
 * <p>
 * One class per job: application services per use case ({@link org.educommons.forum.ForumHosting},
 * {@link org.educommons.forum.ForumRegistrations}, {@link org.educommons.forum.ForumAgenda},
 * {@link org.educommons.forum.ForumCheckIns}), who may do what ({@link org.educommons.forum.ForumAccess}),
 * data access and the database's seat functions ({@link org.educommons.forum.ForumRepository}), what
 * callers are shown ({@link org.educommons.forum.ForumAssembler}), and the HTTP resource.
 */
package org.educommons.forum;
