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

    ForumDetails details(Forum f, AccountPrincipal caller, Roster roster) {
        Map<String, Integer> quotas = quotasBySlug(f, roster);
        ForumRepository.SeatsTaken taken = repository.seatsTaken(f, caller.tenantId());
        int seatsLeft = Math.max(0, f.capacity() - taken.total());
        Integer myQuota = quotas.get(roster.slugOf(caller.tenantId()));
        Integer myLeft = myQuota == null ? null : Math.max(0, Math.min(seatsLeft, myQuota - taken.ofMember()));
        return new ForumDetails(f.id(), roster.slugOf(f.hostTenantId()), roster.community().slug().value(), f.title(),
                f.description(), f.venue(), f.startsAt(), f.endsAt(), f.registrationOpensAt(), f.registrationClosesAt(),
                f.capacity(), f.approvalRequired(), quotas, f.planItemId(), seatsLeft, myLeft,
                f.registrationOpenAt(OffsetDateTime.now()), agenda(f), f.version(), ForumAccess.of(f, caller));
    }

    /** Member slug → seats, of the forum's quotas. */
    Map<String, Integer> quotasBySlug(Forum forum, Roster roster) {
        Map<String, Integer> quotas = new LinkedHashMap<>();
        repository.quotas(forum).forEach((member, seats) -> quotas.put(roster.slugOf(member), seats));
        return quotas;
    }

    /** A forum's agenda in time order, with the places left in breakout groups that have a capacity. */
    List<SessionDetails> agenda(Forum forum) {
        Map<Long, Integer> taken = repository.breakoutTaken(forum);
        return repository.sessions(forum).stream().map(s -> new SessionDetails(s.id(), s.kind(), s.title(), s.speaker(), s.room(),
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
        Integer position = r.status() == RegistrationStatus.WAITLISTED ? repository.waitlistPosition(forum, r.id()) : null;
        return new RegistrationDetails(r.id(), forum.id(), r.person(), r.displayName(), r.tenant(), r.status(), position,
                r.registeredBy(), r.createdAt(), r.checkInCode(), r.checkedInAt(), r.breakout());
    }
}
