package org.educommons.forum;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.educommons.identity.AccountPrincipal;
import org.educommons.platform.problem.ProblemException;
import org.educommons.tenancy.CommunityDirectory;
import org.educommons.tenancy.Roster;

/** Builds what callers are shown of forums, their agenda and registrations. */
@ApplicationScoped
public class ForumAssembler {

    @Inject
    ForumRepository repository;

    @Inject
    CommunityDirectory directory;

    /** The forum as {@code caller} sees it: seats left in all and for the caller's member, and what the caller may do. */
    ForumDetails details(Forum forum, AccountPrincipal caller) {
        return details(forum, caller, directory.roster(forum.communityId()));
    }

    ForumDetails details(Forum forum, AccountPrincipal caller, Roster roster) {
        return details(List.of(forum), caller, roster).get(0);
    }

    /** Forums of one community as {@code caller} sees them, in the given order: one query however many there are. */
    List<ForumDetails> details(List<Forum> forums, AccountPrincipal caller, Roster roster) {
        if (forums.isEmpty()) {
            return List.of();
        }
        ForumRepository.Facts facts = repository.facts(forums, caller.tenantId());
        Map<Long, Map<Long, Integer>> quotas = facts.quotas();
        Map<Long, ForumRepository.SeatsTaken> taken = facts.seats();
        Map<Long, List<ForumRepository.SessionRow>> sessions = facts.sessions();
        Map<Long, Integer> breakoutTaken = facts.breakoutTaken();
        OffsetDateTime now = OffsetDateTime.now();
        return forums.stream().map(f -> {
            Map<String, Integer> quotasBySlug = bySlug(quotas.getOrDefault(f.id(), Map.of()), roster);
            ForumRepository.SeatsTaken seats = taken.getOrDefault(f.id(), new ForumRepository.SeatsTaken(0, 0));
            int seatsLeft = Math.max(0, f.capacity() - seats.total());
            Integer myQuota = quotasBySlug.get(roster.slugOf(caller.tenantId()));
            Integer myLeft = myQuota == null ? null : Math.max(0, Math.min(seatsLeft, myQuota - seats.ofMember()));
            return new ForumDetails(f.id(), roster.slugOf(f.hostTenantId()), roster.community().slug().value(), f.title(),
                    f.description(), f.venue(), f.startsAt(), f.endsAt(), f.registrationOpensAt(), f.registrationClosesAt(),
                    f.capacity(), f.approvalRequired(), f.creditHours(), quotasBySlug, f.planItemId(), seatsLeft, myLeft,
                    f.registrationOpenAt(now), agenda(sessions.getOrDefault(f.id(), List.of()), breakoutTaken), f.version(),
                    ForumAccess.of(f, caller));
        }).toList();
    }

    private static Map<String, Integer> bySlug(Map<Long, Integer> quotas, Roster roster) {
        Map<String, Integer> bySlug = new LinkedHashMap<>();
        quotas.forEach((member, seats) -> bySlug.put(roster.slugOf(member), seats));
        return bySlug;
    }

    /** A forum's agenda in time order, with the places left in breakout groups that have a capacity. */
    List<SessionDetails> agenda(Forum forum) {
        ForumRepository.Facts facts = repository.facts(List.of(forum), forum.hostTenantId());
        return agenda(facts.sessions().getOrDefault(forum.id(), List.of()), facts.breakoutTaken());
    }

    private static List<SessionDetails> agenda(List<ForumRepository.SessionRow> sessions, Map<Long, Integer> taken) {
        return sessions.stream().map(s -> new SessionDetails(s.id(), s.kind(), s.title(), s.speaker(), s.room(),
                s.startsAt(), s.endsAt(), s.capacity(),
                s.capacity() == null ? null : Math.max(0, s.capacity() - taken.getOrDefault(s.id(), 0)))).toList();
    }

    /** A session of the forum's agenda, if it has one with that id. */
    java.util.Optional<SessionDetails> session(Forum forum, Long id) {
        return agenda(forum).stream().filter(s -> id != null && s.id() == id).findFirst();
    }

    /** Registration {@code id} of the forum; 404 when the caller cannot see it. */
    RegistrationDetails registration(Forum forum, long id) {
        return registration(forum, repository.registration(forum, id)
                .orElseThrow(() -> ProblemException.notFound("registration", id)));
    }

    RegistrationDetails registration(Forum forum, ForumRepository.RegistrationRow r) {
        return new RegistrationDetails(r.id(), forum.id(), r.person(), r.displayName(), r.tenant(), r.status(), r.position(),
                r.registeredBy(), r.createdAt(), r.checkInCode(), r.checkedInAt(), r.breakout());
    }
}
