package cn.mee.liaison.bot.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 for fault tests: put between the bot and its database, it passes bytes both ways until
 * {@link #cut()}, which resets every open connection at once (RST, as a crashed server or a pulled cable looks to
 * the client) and resets every new one as soon as it is accepted, until {@link #restore()}. Only loopback addresses.
 */
public final class TcpProxy implements AutoCloseable {

    private final String upstreamHost;
    private final int upstreamPort;
    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean cut;
    private volatile boolean closed;

    private TcpProxy(String upstreamHost, int upstreamPort) throws IOException {
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    }

    /** Starts a proxy to {@code host:port} (a loopback address) on a free port of 127.0.0.1. */
    public static TcpProxy start(String host, int port) {
        if (!host.equals("localhost") && !host.startsWith("127.")) {
            throw new IllegalArgumentException("the proxy only forwards to loopback addresses, not " + host);
        }
        try {
            TcpProxy proxy = new TcpProxy(host, port);
            daemon("tcp-proxy-accept-" + proxy.port(), proxy::acceptLoop).start();
            return proxy;
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a proxy port", e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** From now on no byte passes: open connections are reset, new ones are reset on arrival. */
    public void cut() {
        cut = true;
        for (Socket socket : open) {
            reset(socket);
        }
    }

    /** Connections pass again (the ones reset stay gone; clients connect anew). */
    public void restore() {
        cut = false;
    }

    public boolean isCut() {
        return cut;
    }

    /** Connections forwarded since start. */
    public int connectionsAccepted() {
        return accepted.get();
    }

    /** Connections reset on arrival while cut. */
    public int connectionsRefused() {
        return refused.get();
    }

    @Override
    public void close() {
        closed = true;
        cut();
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            if (cut) {
                refused.incrementAndGet();
                reset(client);
                continue;
            }
            Socket server = new Socket();
            try {
                server.connect(new InetSocketAddress(upstreamHost, upstreamPort), 5000);
            } catch (IOException e) {
                reset(client);
                closeQuietly(server);
                continue;
            }
            if (cut) {
                reset(client);
                reset(server);
                continue;
            }
            accepted.incrementAndGet();
            open.add(client);
            open.add(server);
            daemon("tcp-proxy-up-" + port(), () -> pump(client, server)).start();
            daemon("tcp-proxy-down-" + port(), () -> pump(server, client)).start();
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n = in.read(buffer); n >= 0 && !cut; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away: take the other down with it
        } finally {
            reset(from);
            reset(to);
        }
    }

    /** Closes with SO_LINGER 0: the peer gets a RST, not an orderly FIN. */
    private void reset(Socket socket) {
        open.remove(socket);
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException ignored) {
            // already closed
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }
}
