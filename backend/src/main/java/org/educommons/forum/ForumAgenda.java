package org.educommons.forum;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.educommons.platform.api.IfMatch;
import org.educommons.platform.audit.AuditTrail;
import org.educommons.platform.audit.Changes;
import org.educommons.platform.problem.ProblemException;
import org.educommons.platform.problem.ProblemException.FieldError;
import org.educommons.tenancy.TenantTransactional;

/**
 * The host's agenda of a forum: keynotes and breakout groups. The agenda is part of the forum, so
 * every change gives the forum a new version; a breakout group never shrinks below the people who
 * chose it.
 */
@ApplicationScoped
@TenantTransactional
public class ForumAgenda {

    @Inject
    ForumRepository repository;

    @Inject
    ForumAccess access;

    @Inject
    ForumAssembler assembler;

    @Inject
    AuditTrail audit;

    /** A change of a forum's agenda: the session as it now is (null once removed) and the forum's new version. */
    public record AgendaChange(SessionDetails session, int forumVersion) {
    }

    /**
     * The host adds a keynote or a breakout group to the agenda of its forum; with
     * {@code seen} version, only to the forum as the host last saw it (412 otherwise).
     */
    public AgendaChange addSession(long forumId, IfMatch seen, SessionInput input) {
        Forum forum = agendaOf(forumId, seen, false);
        requireValid(input, forum);
        long id = repository.addSession(forum, input);
        audit.record("forum-session", id, "create", Map.of("forum", forum.id(), "title", input.title().trim(),
                "kind", input.parsedKind().name()));
        return changed(forum, id);
    }

    /**
     * The host changes a session of its forum's agenda, as last seen ({@code seen} version of the
     * forum, 412 otherwise). A breakout group that people have chosen cannot become smaller than
     * they are, nor stop being a breakout group (409).
     */
    public AgendaChange replaceSession(long forumId, long sessionId, IfMatch seen, SessionInput input) {
        Forum forum = agendaOf(forumId, seen, true);
        requireValid(input, forum);
        SessionDetails before = lockSession(forum, sessionId);
        int chosen = repository.chosenBreakout(forum, sessionId);
        if (chosen > 0 && (input.parsedKind() != SessionKind.BREAKOUT || input.capacity() != null && input.capacity() < chosen)) {
            throw new ProblemException(409, "breakout-below-chosen", before.title(), chosen);
        }
        repository.replaceSession(forum, sessionId, input);
        AgendaChange change = changed(forum, sessionId);
        SessionDetails after = change.session();
        Changes changes = new Changes();
        changes.field("kind", before.kind(), after.kind());
        changes.field("title", before.title(), after.title());
        changes.field("speaker", before.speaker(), after.speaker());
        changes.field("room", before.room(), after.room());
        changes.field("capacity", before.capacity(), after.capacity());
        changes.field("startsAt", before.startsAt(), after.startsAt());
        changes.field("endsAt", before.endsAt(), after.endsAt());
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("forum", forum.id());
        entry.putAll(changes.asMap());
        audit.record("forum-session", sessionId, "update", entry);
        return change;
    }

    /**
     * The host removes a session from its forum's agenda, as last seen ({@code seen} version, 412
     * otherwise); a breakout group people have chosen stays until they have chosen another (409).
     */
    public AgendaChange removeSession(long forumId, long sessionId, IfMatch seen) {
        Forum forum = agendaOf(forumId, seen, true);
        SessionDetails session = lockSession(forum, sessionId);
        int chosen = repository.chosenBreakout(forum, sessionId);
        if (chosen > 0) {
            throw new ProblemException(409, "breakout-in-use", session.title(), chosen);
        }
        repository.removeSession(forum, sessionId);
        audit.record("forum-session", sessionId, "delete", Map.of("forum", forum.id(), "title", session.title(),
                "kind", session.kind().name()));
        return changed(forum, sessionId);
    }

    /**
     * The host's own forum, for a change of its agenda: as the caller last saw it when it says
     * ({@code seen} version, 412 otherwise), with a new version to come.
     */
    private Forum agendaOf(long forumId, IfMatch seen, boolean required) {
        Forum forum = access.hosted(forumId);
        Integer seenVersion = required ? Integer.valueOf(seen.required()) : seen.optional();
        if (seenVersion != null && forum.version() != seenVersion) {
            throw new ProblemException(412, "precondition-failed");
        }
        repository.touch(forum);
        return forum;
    }

    private AgendaChange changed(Forum forum, long sessionId) {
        repository.flush(); // writes the forum's new version
        return new AgendaChange(assembler.session(forum, sessionId).orElse(null), forum.version());
    }

    /** Locks a session of the forum against parallel breakout choices; 404 when the forum has no such session. */
    private SessionDetails lockSession(Forum forum, long sessionId) {
        if (!repository.lockSession(forum, sessionId)) {
            throw ProblemException.notFound("forum-session", sessionId);
        }
        return assembler.session(forum, sessionId).orElseThrow();
    }

    private static void requireValid(SessionInput input, Forum forum) {
        List<FieldError> errors = input.errors("agenda", forum.startsAt(), forum.endsAt());
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "invalid-input", errors);
        }
    }
}
