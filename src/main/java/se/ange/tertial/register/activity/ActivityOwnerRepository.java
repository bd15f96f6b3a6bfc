package se.ange.tertial.register.activity;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ActivityOwnerRepository extends CrudRepository<ActivityOwner, Long> {

    List<ActivityOwner> findByActivityId(Long activityId);

    List<ActivityOwner> findByActivityIdIn(Collection<Long> activityIds);

    List<ActivityOwner> findByPersonIdIn(Collection<Long> personIds);

    void deleteByActivityId(Long activityId);
}
