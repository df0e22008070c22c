package org.educommons.workbench;

import java.time.LocalDate;
import java.util.List;

import org.educommons.activity.ActivityAnswers;
import org.educommons.forum.ForumOverview;
import org.educommons.identity.Role;
import org.educommons.membership.JoinApplicationDetails;
import org.educommons.tenancy.LocalizedName;
import org.educommons.workplan.WorkPlans;

/**
 * What waits for the signed-in person. A tenant admin gets {@code plans} (this year's, per community),
 * {@code hostedForums} and {@code activitiesToAnswer}; a principal {@code registrations} (forums not
 * yet ended) and {@code openForums}; the secretariat {@code applications} and {@code nextMeeting}
 * (null when none is scheduled). Sections of roles the person lacks are empty.
 */
public record WorkbenchDetails(String username, String tenant, LocalizedName tenantName, List<Role> roles, int year,
                               long unreadNotifications,
                               List<WorkPlans.PlanProgress> plans,
                               List<ForumOverview.HostedForum> hostedForums,
                               List<ActivityAnswers.Awaiting> activitiesToAnswer,
                               List<ForumOverview.MyRegistration> registrations,
                               List<ForumOverview.OpenForum> openForums,
                               List<JoinApplicationDetails> applications,
                               Meeting nextMeeting) {

    /** A joint council meeting (联席会) with the open applications on its agenda. */
    public record Meeting(String name, LocalDate date, List<String> communities, List<Long> applications) {
    }
}
