package org.educommons.membership;

import java.util.ArrayList;
import java.util.List;

import org.educommons.platform.outbox.EmailAddress;
import org.educommons.platform.problem.ProblemException.FieldError;
import org.educommons.tenancy.TenantKind;
import org.educommons.tenancy.TenantSlug;

/** What an applicant city or district sends (no account needed). */
public record JoinApplicationInput(String name, String nameEn, String kind, String region, String contactName,
                                   String contactEmail, String reason, String parent) {

    public List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>();
        required(errors, "name", name, 100);
        required(errors, "region", region, 100);
        required(errors, "contactName", contactName, 100);
        required(errors, "reason", reason, 4000);
        if (nameEn != null && nameEn.trim().length() > 200) {
            errors.add(new FieldError("nameEn", "validation.too-long"));
        }
        if (contactEmail == null || !EmailAddress.isValid(contactEmail.trim())) {
            errors.add(new FieldError("contactEmail", "validation.email"));
        }
        if (kind == null || parsedKind() == null) {
            errors.add(new FieldError("kind", "validation.one-of", List.of(TenantKind.values()).toString()));
        }
        if (parsedParent() != null && !TenantSlug.isValid(parsedParent())) {
            errors.add(new FieldError("parent", "validation.slug"));
        }
        return errors;
    }

    /** The slug of the tenant the applicant belongs under in the tenant tree; null when it names none. */
    String parsedParent() {
        return parent == null || parent.isBlank() ? null : parent.trim();
    }

    TenantKind parsedKind() {
        try {
            return TenantKind.valueOf(kind.trim());
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    private static void required(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "validation.required"));
        } else if (value.trim().length() > max) {
            errors.add(new FieldError(field, "validation.too-long"));
        }
    }
}
