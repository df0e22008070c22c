/**
 * A community's dashboard (数据看板): the figures members compare, counted in PostgreSQL under the
 * caller's row-level security — published plan items per member by status (this year and the last),
 * joint activities by type and month, and members joined over the years. The screens draw them as
 * charts with the numbers beside them.
 */
package org.educommons.dashboard;
