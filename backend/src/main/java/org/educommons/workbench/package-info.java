/**
 * The workbench (工作台): the signed-in home that tells each person what waits for them, per role, by
 * asking each capability for its part (a tenant admin's plan progress, hosted forums and activities to
 * answer; a principal's registrations and open forums; the secretariat's applications and next joint
 * council meeting). It decides nothing itself.
 */
package org.educommons.workbench;
