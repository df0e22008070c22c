package org.educommons.workbench;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.educommons.activity.ActivityAnswers;
import org.educommons.forum.ForumOverview;
import org.educommons.identity.AccountPrincipal;
import org.educommons.identity.Role;
import org.educommons.membership.JoinApplicationDetails;
import org.educommons.membership.JoinApplications;
import org.educommons.platform.i18n.BeijingTime;
import org.educommons.platform.outbox.Inbox;
import org.educommons.tenancy.Tenant;
import org.educommons.tenancy.TenantContext;
import org.educommons.tenancy.TenantTransactional;
import org.educommons.workplan.WorkPlans;

/** Assembles the caller's workbench in one transaction from what each capability says waits for them. */
@ApplicationScoped
@TenantTransactional
public class Workbench {

    @PersistenceContext(unitName = "educommons")
    EntityManager em;

    @Inject
    TenantContext tenantContext;

    @Inject
    WorkPlans plans;

    @Inject
    ForumOverview forums;

    @Inject
    ActivityAnswers activities;

    @Inject
    JoinApplications applications;

    @Inject
    Inbox inbox;

    /** The caller's workbench for this year (Beijing time); sections of roles the caller lacks are empty. */
    public WorkbenchDetails mine() {
        AccountPrincipal caller = tenantContext.requireCaller();
        LocalDate today = LocalDate.now(BeijingTime.ZONE);
        Tenant tenant = em.find(Tenant.class, caller.tenantId());
        boolean admin = caller.has(Role.TENANT_ADMIN);
        boolean principal = caller.has(Role.PRINCIPAL);
        List<JoinApplicationDetails> open = when(caller.has(Role.SECRETARIAT), applications::awaitingDecision);
        return new WorkbenchDetails(caller.username(), tenant.slug().value(), tenant.name(),
                caller.roles().stream().sorted().toList(), today.getYear(), inbox.unread(),
                when(admin, () -> plans.progress(today.getYear())),
                when(admin, forums::hosted),
                when(admin, activities::awaitingOurAnswer),
                when(principal, () -> forums.myRegistrations(true)),
                when(principal, forums::openForRegistration),
                open, nextMeeting(open, today));
    }

    /** The soonest joint council meeting from today on that has open applications on its agenda. */
    static WorkbenchDetails.Meeting nextMeeting(List<JoinApplicationDetails> open, LocalDate today) {
        Map<LocalDate, List<JoinApplicationDetails>> byDate = open.stream()
                .filter(a -> a.meetingDate() != null && !a.meetingDate().isBefore(today))
                .collect(Collectors.groupingBy(JoinApplicationDetails::meetingDate));
        return byDate.keySet().stream().min(Comparator.naturalOrder()).map(date -> {
            List<JoinApplicationDetails> agenda = byDate.get(date);
            Set<String> communities = agenda.stream().map(JoinApplicationDetails::community)
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            return new WorkbenchDetails.Meeting(agenda.get(0).meeting(), date, List.copyOf(communities),
                    agenda.stream().map(JoinApplicationDetails::id).toList());
        }).orElse(null);
    }

    private static <T> List<T> when(boolean role, Supplier<List<T>> section) {
        return role ? section.get() : List.of();
    }
}
