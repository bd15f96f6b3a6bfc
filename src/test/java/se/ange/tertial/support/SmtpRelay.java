package se.ange.tertial.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP stand-in for an SMTP server that can hang: while {@link #hold()} is in force it accepts connections
 * and never answers (a server stuck after accept); {@link #forward()} pipes the held ones and every new one to
 * the real server behind it (GreenMail); {@link #dropHeld()} closes the held ones, as a server that gives up.
 * It also counts the client connections still open, to see that a pool was closed.
 */
public final class SmtpRelay implements AutoCloseable {

    private final ServerSocket server;
    private final int target;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean holding = true;

    public SmtpRelay(int targetPort) {
        this.target = targetPort;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "smtp-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public void hold() {
        holding = true;
    }

    /** From now on every connection reaches the real server, the held ones too. */
    public synchronized void forward() {
        holding = false;
        for (Socket client : held) {
            pipe(client);
        }
        held.clear();
    }

    /** The held connections are closed by the server side: their sends fail at once. */
    public synchronized void dropHeld() {
        for (Socket client : held) {
            close(client);
        }
        held.clear();
    }

    public int heldCount() {
        return held.size();
    }

    /** Client connections not yet closed by the client (nor dropped). */
    public int openCount() {
        return (int) open.stream().filter(socket -> !socket.isClosed()).count();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                synchronized (this) {
                    if (holding) {
                        held.add(client);
                        continue;
                    }
                }
                pipe(client);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pipe(Socket client) {
        try {
            Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
            copy(client, upstream);
            copy(upstream, client);
        } catch (IOException e) {
            close(client);
        }
    }

    /** Copies one way; at the end of either side both are closed, so the relay sees the client hang up. */
    private static void copy(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // one side closed
            } finally {
                close(from);
                close(to);
            }
        }, "smtp-relay-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        open.forEach(SmtpRelay::close);
    }
}
