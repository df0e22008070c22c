/**
 * Training records (教师专业成长档案): the credit hours (学时) a person earned at forums and joint activities,
 * with totals per year and for the current five-year cycle (学分管理). Hours are awarded by the database
 * itself as a person is checked in, once per event; this package reads them.
 */
package org.educommons.training;
