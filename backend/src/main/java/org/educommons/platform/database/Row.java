package org.educommons.platform.database;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.persistence.Query;

/**
 * One row of a native query, read by column position in the type the column has. A query's rows
 * are mapped to a record once, where the query is written ({@link #list}, {@link #single},
 * {@link #first}), so that no caller handles raw {@code Object[]} or casts numbers.
 */
public final class Row {

    private final Object[] values;

    private Row(Object value) {
        // a query of one column returns the value itself, not an array
        this.values = value instanceof Object[] array ? array : new Object[] {value};
    }

    /** Every row of {@code query}, mapped. */
    public static <T> List<T> list(Query query, Function<Row, T> mapper) {
        @SuppressWarnings("unchecked")
        List<Object> rows = query.getResultList();
        return rows.stream().map(r -> mapper.apply(new Row(r))).toList();
    }

    /** The one row {@code query} returns, mapped. */
    public static <T> T single(Query query, Function<Row, T> mapper) {
        return mapper.apply(new Row(query.getSingleResult()));
    }

    /** The first row of {@code query}, mapped, if there is one. */
    public static <T> Optional<T> first(Query query, Function<Row, T> mapper) {
        return list(query.setMaxResults(1), mapper).stream().findFirst();
    }

    public long getLong(int column) {
        return ((Number) values[column]).longValue();
    }

    public Long getNullableLong(int column) {
        return values[column] == null ? null : getLong(column);
    }

    public int getInt(int column) {
        return ((Number) values[column]).intValue();
    }

    public Integer getNullableInt(int column) {
        return values[column] == null ? null : getInt(column);
    }

    public java.math.BigDecimal getBigDecimal(int column) {
        Object value = values[column];
        return value == null ? null : value instanceof java.math.BigDecimal d ? d : new java.math.BigDecimal(value.toString());
    }

    public String getString(int column) {
        return (String) values[column];
    }

    /** The column as the driver writes it as text ({@code "null"} for null). */
    public String getText(int column) {
        return String.valueOf(values[column]);
    }

    public boolean getBoolean(int column) {
        return (Boolean) values[column];
    }

    public OffsetDateTime getOffsetDateTime(int column) {
        return SqlValues.offsetDateTime(values[column]);
    }

    public LocalDate getLocalDate(int column) {
        return SqlValues.localDate(values[column]);
    }

    /** The column as an enum constant of {@code type}, {@code null} when the column is. */
    public <E extends Enum<E>> E getEnum(int column, Class<E> type) {
        return values[column] == null ? null : Enum.valueOf(type, (String) values[column]);
    }
}
