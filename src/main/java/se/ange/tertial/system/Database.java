package se.ange.tertial.system;

import java.sql.SQLException;

/** What the database said, read the same way on H2 and PostgreSQL. */
public final class Database {

    private static final String UNIQUE_VIOLATION = "23505";

    private Database() {
    }

    /**
     * Whether a unique constraint refused the write: Micronaut Data's DataAccessException wraps the driver's
     * (H2's SQLIntegrityConstraintViolationException, PostgreSQL's PSQLException), both with SQLState 23505.
     */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
