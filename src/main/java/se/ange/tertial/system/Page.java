package se.ange.tertial.system;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** One page of a list: {@code page} counts from 0. */
@Serdeable
public record Page<T>(List<T> items, long total, int page, int size) {

    public static <T> Page<T> of(List<T> all, int page, int size) {
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        return new Page<>(List.copyOf(all.subList(from, to)), all.size(), page, size);
    }
}
