package se.ange.tertial.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A JDBC driver that counts the SQL statements executed through it, for tests that hold a path to a number
 * of statements (a count, not a time). A datasource URL {@code jdbc:counting:<rest>} is opened as
 * {@code jdbc:<rest>} by the real driver; every {@code execute…} call (a batch counts once) is one statement,
 * and commits and rollbacks are listed as {@code COMMIT} and {@code ROLLBACK}.
 * Only the threads that asked ({@link #start}) are counted, so other work in the JVM cannot blur the count.
 */
public final class CountingDriver implements Driver {

    private static final String PREFIX = "jdbc:counting:";
    private static final ThreadLocal<List<String>> EXECUTED = new ThreadLocal<>();
    /** While not null, statements of every thread are listed here too (see {@link #startEverywhere}). */
    private static volatile List<String> everywhere;

    static {
        try {
            DriverManager.registerDriver(new CountingDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Datasource properties that route {@code properties}' database through this driver. */
    public static Map<String, String> wrap(Map<String, String> properties, String defaultUrl) {
        Map<String, String> wrapped = new HashMap<>(properties);
        String url = properties.getOrDefault("datasources.default.url", defaultUrl);
        wrapped.put("datasources.default.url", PREFIX + url.substring("jdbc:".length()));
        wrapped.put("datasources.default.driver-class-name", CountingDriver.class.getName());
        return wrapped;
    }

    /**
     * {@link #wrap} with, when {@code database} names none, a fresh in-memory H2 database in PostgreSQL mode whose
     * name begins with {@code name}.
     */
    public static Map<String, String> wrapOrFreshH2(Map<String, String> database, String name) {
        return wrap(database, "jdbc:h2:mem:" + name + "-" + java.util.UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    }

    /** Starts counting this thread's statements (from zero). */
    public static void start() {
        EXECUTED.set(new ArrayList<>());
    }

    /** The statements this thread executed since {@link #start}, in order; counting stops. */
    public static List<String> stop() {
        List<String> executed = EXECUTED.get();
        EXECUTED.remove();
        return executed == null ? List.of() : List.copyOf(executed);
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Connection real = DriverManager.getConnection("jdbc:" + url.substring(PREFIX.length()), info);
        return proxy(Connection.class, real, (proxy, method, args) -> {
            if (method.getName().equals("commit") || method.getName().equals("rollback")) {
                record(method.getName().toUpperCase(java.util.Locale.ROOT));
            }
            Object result = call(real, method, args);
            if (result instanceof Statement statement && (method.getName().startsWith("prepare")
                    || method.getName().equals("createStatement"))) {
                String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                Class<? extends Statement> type = result instanceof CallableStatement ? CallableStatement.class
                        : result instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                return statement(type, statement, sql);
            }
            return result;
        });
    }

    private static Statement statement(Class<? extends Statement> type, Statement real, String prepared) {
        return proxy(type, real, (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                record(prepared != null ? prepared : args != null && args.length > 0 ? String.valueOf(args[0]) : "?");
            }
            return call(real, method, args);
        });
    }

    private static void record(String sql) {
        List<String> executed = EXECUTED.get();
        if (executed != null) {
            executed.add(sql);
        }
        List<String> all = everywhere;
        if (all != null) {
            all.add(Thread.currentThread().getName() + ": " + sql);
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object real, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(CountingDriver.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    /**
     * Starts counting the statements of every thread (from zero): for an HTTP request, whose work runs on the
     * server's threads. Only for a test that knows nothing else touches the database meanwhile (no scheduler,
     * no outbox poll). Each listed statement is prefixed with its thread's name and ": ".
     */
    public static void startEverywhere() {
        everywhere = java.util.Collections.synchronizedList(new ArrayList<>());
    }

    /** The statements of every thread since {@link #startEverywhere}, in order; counting stops. */
    public static List<String> stopEverywhere() {
        List<String> all = everywhere;
        everywhere = null;
        return all == null ? List.of() : List.copyOf(all);
    }
}
