/**
 * Annual work plans (年度工作计划): each member's plan items for a year in a community, drafted inside
 * the tenant, published to the community, tracked through the year and closed with a year-end
 * summary; and the community's combined plan table (共同体工作计划表), also as a spreadsheet.
 */
package org.educommons.workplan;
