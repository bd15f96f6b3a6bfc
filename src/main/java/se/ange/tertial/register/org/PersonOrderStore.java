package se.ange.tertial.register.org;

import io.micronaut.data.event.EntityEventContext;
import io.micronaut.data.event.EntityEventListener;
import jakarta.inject.Singleton;

/**
 * Keeps each person's {@link PersonOrder} columns up to date: every insert and update of a {@link Person}, wherever
 * it is made, writes them. The columns are not part of the entity, so no caller can forget them.
 */
@Singleton
class PersonOrderStore implements EntityEventListener<Person> {

    private final PersonRepository people;

    PersonOrderStore(PersonRepository people) {
        this.people = people;
    }

    @Override
    public void postPersist(EntityEventContext<Person> context) {
        store(context.getEntity());
    }

    @Override
    public void postUpdate(EntityEventContext<Person> context) {
        store(context.getEntity());
    }

    private void store(Person person) {
        people.storeOrder(person.id(), PersonOrder.sortKey(person.name()), PersonOrder.searchName(person.name()));
    }
}
