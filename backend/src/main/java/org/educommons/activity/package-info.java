/**
 * Joint activities (联合活动) that two or more members run together: teacher and cadre exchanges,
 * school pairing (结对帮扶) with the pairs it sets up, training sent to rural schools (送教送培),
 * shadowing at a renowned school (跟岗), workshops. The proposing member owns the activity; the other
 * organisers confirm their part; once all have, the whole community sees it, and the proposer
 * reports its outcome.
 * <p>
 * One class per job: application services per use case ({@link org.educommons.activity.ActivityProposals}
 * proposes and lists, {@link org.educommons.activity.ActivityAnswers} takes organisers' answers,
 * {@link org.educommons.activity.ActivityOutcomes} reports or cancels), data access
 * ({@link org.educommons.activity.ActivityRepository}), what callers are shown
 * ({@link org.educommons.activity.ActivityAssembler}), and the HTTP resource.
 */
package org.educommons.activity;
