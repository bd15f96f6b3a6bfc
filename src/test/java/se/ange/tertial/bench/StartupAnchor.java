package se.ange.tertial.bench;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The start-up anchor of {@link StartupBench}: the least a JVM web service on an H2 file database can do. Opens
 * {@code <dir>/anchor} (creating one table on a fresh directory), then answers {@code /health/readiness} with 200
 * after a {@code SELECT} on it, through the JDK's own HTTP server. Run as a child process: {@code StartupAnchor <dir>
 * <port>}.
 */
public final class StartupAnchor {

    private StartupAnchor() {
    }

    public static void main(String[] args) throws Exception {
        String url = "jdbc:h2:file:" + args[0] + "/anchor;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        Connection connection = DriverManager.getConnection(url, "sa", "");
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists health (id int primary key, note varchar(40))");
            statement.execute("merge into health key (id) values (1, 'up')");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1])), 0);
        server.createContext("/health/readiness", exchange -> {
            String status;
            synchronized (connection) {
                try (Statement statement = connection.createStatement();
                     ResultSet row = statement.executeQuery("select note from health where id = 1")) {
                    status = row.next() ? row.getString(1) : "down";
                } catch (java.sql.SQLException e) {
                    status = "down";
                }
            }
            byte[] body = ("{\"status\":\"" + status + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders("up".equals(status) ? 200 : 503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            try {
                connection.close();
            } catch (java.sql.SQLException ignored) {
                // exiting anyway
            }
        }));
    }
}
