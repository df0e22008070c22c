package org.educommons.activity;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.educommons.tenancy.Community;
import org.educommons.tenancy.CommunityDirectory;
import org.educommons.tenancy.Roster;

/** Builds what callers are shown of activities: each with its organisers, schools, plan items, pairs and attachments. */
@ApplicationScoped
public class ActivityAssembler {

    @Inject
    ActivityRepository repository;

    @Inject
    CommunityDirectory directory;

    ActivityDetails details(Activity activity) {
        return details(List.of(activity), directory.roster(activity.communityId())).get(0);
    }

    /** Activities of one community, their parts loaded with one query per kind. */
    List<ActivityDetails> details(List<Activity> activities, Roster roster) {
        if (activities.isEmpty()) {
            return List.of();
        }
        Community community = roster.community();
        String ids = ActivityRepository.csv(activities.stream().map(Activity::id).toList());
        var organisers = repository.organisersOf(ids, community.id());
        var schools = repository.schoolsOf(ids, community.id());
        var items = repository.planItemsOf(ids);
        var pairings = repository.pairingsOf(ids);
        var attachments = repository.attachmentsOf(ids);
        Map<Long, String> slugs = roster.slugsById();
        return activities.stream().map(a -> new ActivityDetails(a.id(), community.slug().value(),
                slugs.get(a.proposerTenantId()), a.title(), a.type(), a.startsOn(), a.endsOn(), a.description(), a.status(),
                organisers.getOrDefault(a.id(), List.of()), schools.getOrDefault(a.id(), List.of()),
                items.getOrDefault(a.id(), List.of()), pairings.getOrDefault(a.id(), List.of()), a.outcome(),
                a.reportedAt(), attachments.getOrDefault(a.id(), List.of()), a.cancellationReason(), a.createdBy(),
                a.version())).toList();
    }
}
