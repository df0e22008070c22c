package org.educommons.platform.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * What other nodes changed, as PostgreSQL tells it ({@code LISTEN}): one long-lived connection as the
 * application role, on a thread of its own, that hands each notification of {@link #CHANNELS} to CDI
 * observers as a {@link Notification}. Whether it is listening is an event too ({@link Listening}):
 * a node caching anything a notification may invalidate must not trust its cache while it is not,
 * since notifications sent meanwhile are lost. A lost connection is re-opened after a pause. A
 * connection can also die without a word (a dropped route, a failover, a pooler that ignores
 * LISTEN): every few seconds the listener notifies itself ({@link #HEARTBEAT}), and a reader of the
 * notifications trusts them only while heartbeats keep arriving; reads time out rather than hang.
 */
@Startup
@Singleton
@DependsOn("SchemaStartup")
public class DatabaseNotifications {

    /** Tokens ended or narrowed, accounts disabled or changed (the triggers of R__30_identity.sql). */
    public static final String ACCESS = "educommons_access";
    static final List<String> CHANNELS = List.of(ACCESS);
    /** The payload of the listener's own notification, sent on every channel every {@link #WAIT_MILLIS}. */
    public static final String HEARTBEAT = "heartbeat";
    /** How the listening connection shows in {@code pg_stat_activity}. */
    public static final String APPLICATION_NAME = "educommons-notifications";

    private static final Logger LOG = Logger.getLogger(DatabaseNotifications.class.getName());
    /** How long to wait for notifications before the next heartbeat. */
    public static final int WAIT_MILLIS = 2_000;

    /** A notification on one of the {@link #CHANNELS}. */
    public record Notification(String channel, String payload) {
    }

    /** The connection started ({@code true}) or stopped ({@code false}) listening. */
    public record Listening(boolean listening) {
    }

    @Resource
    ManagedThreadFactory threads;

    @EJB
    SchemaStartup schema;

    @Inject
    Event<Notification> notifications;

    @Inject
    Event<Listening> listening;

    private volatile boolean running = true;
    private volatile Connection connection;
    private Thread thread;

    @PostConstruct
    void start() {
        thread = threads.newThread(this::listen);
        thread.setName("educommons-notifications");
        thread.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        Connection c = connection;
        if (c != null) {
            try {
                c.close(); // wakes a read blocked on the socket
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void listen() {
        boolean failedBefore = false;
        while (running) {
            try (Connection c = connect()) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    for (String channel : CHANNELS) {
                        s.execute("listen " + channel);
                    }
                }
                listening.fire(new Listening(true));
                LOG.info(() -> "Listening for changes on " + CHANNELS);
                failedBefore = false;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    try (Statement s = c.createStatement()) {
                        for (String channel : CHANNELS) {
                            s.execute("select pg_notify('" + channel + "', '" + HEARTBEAT + "')");
                        }
                    }
                    PGNotification[] received = pg.getNotifications(WAIT_MILLIS);
                    if (received != null) {
                        for (PGNotification n : received) {
                            notifications.fire(new Notification(n.getName(), n.getParameter()));
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!failedBefore) {
                    LOG.log(Level.WARNING, "Not listening for changes of other nodes (retrying): " + e.getMessage());
                }
                failedBefore = true;
            } finally {
                connection = null;
                if (running) {
                    listening.fire(new Listening(false));
                }
            }
            pause();
        }
    }

    private Connection connect() throws SQLException {
        DatabaseSettings settings = schema.settings();
        Properties props = new Properties();
        props.setProperty("user", settings.appUser());
        props.setProperty("password", settings.appPassword());
        props.setProperty("ApplicationName", APPLICATION_NAME);
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("connectTimeout", "5");
        props.setProperty("socketTimeout", "20"); // a read on a dead connection fails instead of hanging
        return DriverManager.getConnection(settings.url(), props);
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
