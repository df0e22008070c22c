package org.educommons.platform.api;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

import org.educommons.platform.problem.ProblemException;

/**
 * Bean Validation failures as one 400 problem listing every invalid field. Constraint messages are
 * message keys ({@code {validation.required}}) resolved in the caller's language.
 */
final class ValidationProblems {

    private ValidationProblems() {
    }

    static ProblemException from(ConstraintViolationException e) {
        List<ProblemException.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new ProblemException.FieldError(field(v), key(v)))
                .sorted(Comparator.comparing(ProblemException.FieldError::field))
                .toList();
        return new ProblemException(400, "invalid-input", errors);
    }

    private static String field(ConstraintViolation<?> v) {
        String last = null;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == jakarta.validation.ElementKind.PROPERTY || node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                last = node.getName();
            }
        }
        return last == null ? v.getPropertyPath().toString() : last;
    }

    private static String key(ConstraintViolation<?> v) {
        String template = v.getMessageTemplate();
        return template.startsWith("{") && template.endsWith("}") ? template.substring(1, template.length() - 1) : template;
    }
}
