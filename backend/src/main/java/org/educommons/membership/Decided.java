package org.educommons.membership;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a decision on a join application gives back: {@link Approved} (the application and where the
 * invitation went) or, when rejected, the application itself.
 */
@Schema(oneOf = {Approved.class, JoinApplicationView.class})
public sealed interface Decided permits Approved, JoinApplicationView {
}
