package org.educommons.membership;

/**
 * What a decision on a join application gives back: {@link Approved} (the application and where the
 * invitation went) or, when rejected, the application itself. The API describes it as one of the two
 * ({@link JoinApplicationResource#decide}).
 */
public sealed interface Decided permits Approved, JoinApplicationDetails {
}
