package org.educommons.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

import org.educommons.platform.i18n.Messages;
import org.educommons.platform.problem.Problem;
import org.junit.jupiter.api.Test;

/** Failures the database reports for racing writes become problems a client can act on, never a 500. */
class ProblemResponsesTest {

    private static Problem problem(Throwable t) {
        return ProblemResponses.problemFor(t, Messages.CHINESE, "/api/v1/x");
    }

    @Test
    void aUniqueOrCheckViolationFromARaceIsAConflict() {
        for (String state : new String[] {"23505", "23514", "40001", "40P01"}) {
            Problem p = problem(new jakarta.transaction.RollbackException() {
                {
                    initCause(new PersistenceException(new SQLException("refused", state)));
                }
            });
            assertThat(p.status()).as(state).isEqualTo(409);
            assertThat(p.type()).endsWith("/conflict");
            assertThat(p.detail()).isEqualTo("该操作与现有数据冲突。");
        }
    }

    @Test
    void aVersionThatChangedAtFlushIsAFailedPrecondition() {
        Problem p = problem(new PersistenceException(new OptimisticLockException("stale")));
        assertThat(p.status()).isEqualTo(412);
        assertThat(p.type()).endsWith("/precondition-failed");
    }

    @Test
    void anythingElseIsAnIncidentWithoutDetails() {
        Problem p = problem(new PersistenceException(new SQLException("relation does not exist", "42P01")));
        assertThat(p.status()).isEqualTo(500);
        assertThat(p.detail()).doesNotContain("relation").contains("编号");
    }
}
