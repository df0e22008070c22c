/**
 * Problems as callers are told them: {@link org.educommons.platform.problem.ProblemException} thrown
 * by the services, rendered as localised problem details on the API and as messages on the screens.
 */
package org.educommons.platform.problem;
