package se.ange.tertial.system;

import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.mapper.ColumnNameResultSetReader;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.runtime.RuntimePersistentEntity;
import io.micronaut.data.model.runtime.RuntimePersistentProperty;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import io.micronaut.data.runtime.convert.DataConversionService;
import java.sql.ResultSet;

/**
 * Reads one entity (a record) from a row of a hand-written join whose select list {@link JoinedColumns} made: what
 * {@code JdbcOperations.readEntity(prefix, row, type)} reads, with Micronaut Data's column reader and conversions,
 * but each column's label, data type and constructor argument looked up once, when the reader is made, rather than
 * on every row (the naming strategy and annotation lookups were most of a status report's activity read; issue 17).
 * Made once per entity and prefix, kept by the query's class; safe to share between threads.
 */
public final class EntityReader<T> {

    private final BeanIntrospection<T> introspection;
    private final Column[] columns;
    private final ColumnNameResultSetReader reader;
    private final DataConversionService conversion;

    private EntityReader(BeanIntrospection<T> introspection, Column[] columns, DataConversionService conversion) {
        this.introspection = introspection;
        this.columns = columns;
        this.conversion = conversion;
        this.reader = new ColumnNameResultSetReader(conversion);
    }

    /** A reader of {@code entity}'s columns labelled {@code prefix} + column name, as {@link JoinedColumns#of} selects them. */
    public static <T> EntityReader<T> of(Class<T> entity, String prefix, DataConversionService conversion) {
        RuntimePersistentEntity<T> mapped = new RuntimePersistentEntity<>(entity);
        BeanIntrospection<T> introspection = mapped.getIntrospection();
        Argument<?>[] arguments = introspection.getConstructorArguments();
        Column[] columns = new Column[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            String name = arguments[i].getName();
            RuntimePersistentProperty<T> property = mapped.getIdentity() != null && mapped.getIdentity().getName().equals(name)
                    ? mapped.getIdentity() : mapped.getPropertyByName(name);
            if (property == null) {
                throw new IllegalArgumentException(entity.getSimpleName() + "." + name + " is not a mapped column");
            }
            columns[i] = new Column(prefix + property.getPersistedName(), property.getDataType(),
                    arguments[i].getWrapperType(), property.getArgument(), property.getConverter());
        }
        return new EntityReader<>(introspection, columns, conversion);
    }

    /** The entity in the row the result set stands on. */
    public T read(ResultSet row) {
        Object[] values = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            Column column = columns[i];
            Object value = reader.readDynamic(row, column.label(), column.type());
            if (column.converter() != null) {
                value = column.converter().convertToEntityValue(value, ConversionContext.of(column.argument()));
            } else if (value != null && !column.javaType().isInstance(value)) {
                Object read = value;
                value = conversion.convert(read, column.javaType()).orElseThrow(() -> new IllegalStateException(
                        "Cannot read " + column.label() + " (" + read.getClass().getName() + ") as " + column.javaType().getName()));
            }
            values[i] = value;
        }
        return introspection.instantiate(values);
    }

    private record Column(String label, DataType type, Class<?> javaType, Argument<?> argument,
                          AttributeConverter<Object, Object> converter) {
    }
}
