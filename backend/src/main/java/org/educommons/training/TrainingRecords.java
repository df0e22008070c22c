package org.educommons.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.educommons.identity.AccountPrincipal;
import org.educommons.identity.Role;
import org.educommons.platform.database.Row;
import org.educommons.platform.i18n.BeijingTime;
import org.educommons.platform.problem.ProblemException;
import org.educommons.platform.problem.ProblemException.FieldError;
import org.educommons.tenancy.LocalizedName;
import org.educommons.tenancy.TenantContext;
import org.educommons.tenancy.TenantTransactional;

/** Reads training records; PostgreSQL decides whose rows the caller's tenant may read. */
@ApplicationScoped
@TenantTransactional
public class TrainingRecords {

    /** The hours a five-year cycle requires unless a tenant tree sets its own (360 学时 over five years). */
    public static final BigDecimal DEFAULT_CYCLE_HOURS = BigDecimal.valueOf(360);

    @PersistenceContext(unitName = "educommons")
    EntityManager em;

    @Inject
    TenantContext tenantContext;

    /**
     * Every person of the caller's tenant (its admins only) with their hours in {@code year} (this year when
     * null) and in that year's five-year cycle; {@code reachedOnly}: only those who reached the cycle's hours.
     */
    public List<TrainingRecord.PersonTotal> ofMyTenant(Integer year, boolean reachedOnly) {
        AccountPrincipal caller = tenantContext.requireRole(Role.TENANT_ADMIN);
        int y = year == null ? LocalDate.now(BeijingTime.ZONE).getYear() : year;
        if (y < 2000 || y > 2200) {
            throw new ProblemException(400, "invalid-input", List.of(new FieldError("year", "validation.year")));
        }
        TrainingRecord.Cycle cycle = TrainingRecord.Cycle.holding(y, BigDecimal.ZERO, DEFAULT_CYCLE_HOURS);
        return Row.list(em.createNativeQuery("""
                        select a.username, a.display_name,
                               coalesce(sum(r.hours) filter (where extract(year from r.held_on) = ?2), 0),
                               coalesce(sum(r.hours) filter (where extract(year from r.held_on) between ?3 and ?4), 0)
                          from account a
                          left join training_record r on r.tenant_id = a.tenant_id and r.account_id = a.id
                         where a.tenant_id = ?1
                         group by a.id, a.username, a.display_name
                        having ?5 = false
                            or coalesce(sum(r.hours) filter (where extract(year from r.held_on) between ?3 and ?4), 0) >= ?6
                         order by a.username""")
                .setParameter(1, caller.tenantId()).setParameter(2, y).setParameter(3, cycle.from())
                .setParameter(4, cycle.to()).setParameter(5, reachedOnly).setParameter(6, DEFAULT_CYCLE_HOURS),
                r -> {
                    BigDecimal inCycle = r.getBigDecimal(3);
                    return new TrainingRecord.PersonTotal(r.getString(0), r.getString(1), r.getBigDecimal(2), inCycle,
                            inCycle.compareTo(DEFAULT_CYCLE_HOURS) >= 0);
                });
    }

    /** The caller's own record: every event, totals per year, the current cycle. */
    public TrainingRecord mine() {
        AccountPrincipal caller = tenantContext.requireCaller();
        List<TrainingRecord.Entry> entries = Row.list(em.createNativeQuery("""
                        select r.source, r.source_id, t.slug, t.name_zh, t.name_en, r.title, r.held_on, r.hours
                          from training_record r join tenant t on t.id = r.source_tenant_id
                         where r.tenant_id = ?1 and r.account_id = ?2
                         order by r.held_on desc, r.id desc""")
                .setParameter(1, caller.tenantId()).setParameter(2, caller.accountId()),
                r -> new TrainingRecord.Entry(r.getString(0), r.getLong(1), r.getString(2),
                        new LocalizedName(r.getString(3), r.getString(4)), r.getString(5), r.getLocalDate(6), r.getBigDecimal(7)));
        Map<Integer, BigDecimal> perYear = new TreeMap<>(java.util.Comparator.reverseOrder());
        entries.forEach(e -> perYear.merge(e.heldOn().getYear(), e.hours(), BigDecimal::add));
        int thisYear = LocalDate.now(BeijingTime.ZONE).getYear();
        TrainingRecord.Cycle empty = TrainingRecord.Cycle.holding(thisYear, BigDecimal.ZERO, DEFAULT_CYCLE_HOURS);
        BigDecimal inCycle = entries.stream()
                .filter(e -> e.heldOn().getYear() >= empty.from() && e.heldOn().getYear() <= empty.to())
                .map(TrainingRecord.Entry::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new TrainingRecord(entries,
                perYear.entrySet().stream().map(y -> new TrainingRecord.YearTotal(y.getKey(), y.getValue())).toList(),
                TrainingRecord.Cycle.holding(thisYear, inCycle, DEFAULT_CYCLE_HOURS));
    }
}
