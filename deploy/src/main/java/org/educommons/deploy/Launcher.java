package org.educommons.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.educommons.platform.database.DatabaseHealthCheck;
import org.educommons.platform.database.DatabaseSettings;
import org.educommons.platform.database.LocalPostgres;
import org.educommons.platform.database.SchemaMigrator;
import org.educommons.tenantconfig.ConfigFiles;
import org.educommons.tenantconfig.ConfigReader;
import org.educommons.tenantconfig.InvalidConfigException;

/**
 * Starts EduCommons: checks the tenant configuration, starts the embedded PostgreSQL unless a
 * server is configured, runs Payara Micro with the application, prints one line when it is ready,
 * and on Ctrl-C stops the application first and the database second.
 */
public final class Launcher {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final String DATABASE = "educommons";

    private static final String LOCK = "educommons.lock";
    /** The asadmin setting that opens or closes Payara Micro's HTTP port. */
    private static final String LISTENER =
            "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.enabled";
    /** The application server's process id while this launcher runs it. */
    private static final String SERVER_PID = "server.pid";
    /** Held for the life of this process: one launcher per data folder. */
    private static java.nio.channels.FileChannel dataFolderLock;

    private Launcher() {
    }

    /** Takes the data folder for this process; false when another launcher holds it. */
    private static boolean holdDataFolder(Path data) throws java.io.IOException {
        dataFolderLock = java.nio.channels.FileChannel.open(data.resolve(LOCK),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
        try {
            return dataFolderLock.tryLock() != null;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return false;
        }
    }

    public static void main(String[] args) throws Exception {
        // the console is for the operator: warnings and the ready line; details go to the server log
        Logger.getLogger("").setLevel(Level.WARNING);
        LaunchSettings settings;
        try {
            settings = LaunchSettings.from(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("EduCommons: " + e.getMessage());
            System.exit(2);
            return;
        }
        Files.createDirectories(settings.data());
        if (!holdDataFolder(settings.data())) {
            System.err.println("EduCommons: already running on the data folder " + settings.data()
                    + " (another deploy/run holds " + settings.data().resolve(LOCK) + "); stop it first, "
                    + "or give this one another EDUCOMMONS_DATA");
            System.exit(3);
            return;
        }
        Path dist = distribution();
        System.out.println("EduCommons: starting on port " + settings.port() + ", data in " + settings.data()
                + (settings.embeddedDatabase() ? " (embedded PostgreSQL)" : " (PostgreSQL at " + settings.dbUrl() + ")"));
        try {
            checkTenantConfiguration(settings);
        } catch (InvalidConfigException e) {
            System.err.println("EduCommons: " + e.getMessage());
            System.exit(2);
            return;
        }
        Files.createDirectories(settings.logs());
        Files.createDirectories(settings.tenantConfig());
        stopLeftoverServer(settings);

        LocalPostgres embedded = null;
        DatabaseSettings db;
        if (settings.embeddedDatabase()) {
            letTheDatabaseUserThrough(settings.data());
            String superuserPassword = settings.embeddedSuperuserPassword();
            embedded = LocalPostgres.start(settings.postgresData(), 0, superuserPassword);
            embedded.ensureDatabase(DATABASE);
            db = new DatabaseSettings(embedded.jdbcUrl(DATABASE), LocalPostgres.SUPERUSER, superuserPassword,
                    DatabaseSettings.DEFAULT_APP_USER, settings.appPassword(),
                    DatabaseSettings.DEFAULT_MAILER_USER, settings.mailerPassword());
        } else {
            db = new DatabaseSettings(settings.dbUrl(), settings.dbUser(), settings.dbPassword(),
                    DatabaseSettings.DEFAULT_APP_USER, settings.appPassword(),
                    DatabaseSettings.DEFAULT_MAILER_USER, settings.mailerPassword());
        }

        // The schema and the application's role must exist before the application deploys:
        // its persistence unit connects as that role while it loads.
        SchemaMigrator.migrate(db);

        Path serverLog = settings.logs().resolve("server.log");
        long logFrom = Files.exists(serverLog) ? Files.size(serverLog) : 0;
        Process server = startServer(settings, db, dist, serverLog);
        Files.writeString(settings.data().resolve(SERVER_PID), String.valueOf(server.pid()));
        Runtime.getRuntime().addShutdownHook(new Thread(new Stopper(server, embedded, settings)::stop, "educommons-stop"));

        String url = "http://localhost:" + settings.port() + "/";
        if (!awaitReady(server, settings.port(), serverLog, logFrom)) {
            List<String> causes = causes(serverLog, logFrom);
            if (causes.isEmpty()) {
                System.err.println("EduCommons did not start; the last lines of " + serverLog + ":");
                tail(serverLog, 40).forEach(System.err::println);
            } else {
                System.err.println("EduCommons did not start: the application failed to deploy. Why, from " + serverLog + ":");
                causes.forEach(System.err::println);
            }
            System.exit(1);
            return;
        }
        System.out.println("EduCommons is ready: " + url
                + (settings.demo() ? "  (demo sign-in: luzhou.admin / educommons-demo)" : "")
                + "  — Ctrl-C stops it");
        int exit = server.waitFor();
        boolean asked = exit == 0 || exit == 143 || exit == 130;
        if (!asked) {
            System.err.println("EduCommons: the application server ended unexpectedly (exit " + exit + "); see " + serverLog
                    + ". Stopping the database; deploy/run starts it all again.");
        }
        System.exit(asked ? 0 : exit);
    }

    /**
     * An application server left running by a launcher that was killed (its process id is in the data
     * folder, and its command line names this data folder's runtime directory) is stopped before this
     * run starts its own: otherwise it would keep the port and the database busy.
     */
    private static void stopLeftoverServer(LaunchSettings settings) throws IOException, InterruptedException {
        Path pidFile = settings.data().resolve(SERVER_PID);
        if (!Files.exists(pidFile)) {
            return;
        }
        String root = settings.payaraRoot().toString();
        var leftover = java.util.Optional.<ProcessHandle>empty();
        try {
            leftover = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro.jar") && c.contains(root)).orElse(false));
        } catch (NumberFormatException unreadable) {
            // not ours to interpret: nothing to stop
        }
        if (leftover.isPresent()) {
            ProcessHandle server = leftover.get();
            System.err.println("EduCommons: the application server of an earlier run (pid " + server.pid()
                    + ") is still running on this data folder; stopping it first");
            server.destroy();
            try {
                server.onExit().get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                server.destroyForcibly();
                server.onExit().join();
            }
        }
        Files.delete(pidFile);
    }

    private static void checkTenantConfiguration(LaunchSettings settings) {
        List<ConfigFiles.ConfigFile> files = new ArrayList<>();
        if (settings.demo()) {
            files.addAll(ConfigFiles.onClasspath(ConfigFiles.DEMO, Launcher.class.getClassLoader()));
        }
        files.addAll(ConfigFiles.inDirectory(settings.tenantConfig()));
        ConfigReader.read(files);
    }

    private static Process startServer(LaunchSettings settings, DatabaseSettings db, Path dist, Path log) throws IOException {
        // Payara Micro's runtime folder only holds what it unpacks; a folder left by an earlier run would make
        // it deploy the application twice (the remembered deployment and --deploy), so it starts empty.
        deleteRecursively(settings.payaraRoot());
        // Payara Micro opens its port before the application is deployed, and would answer its own 404 page
        // and then 500s meanwhile; the port opens only once the application is deployed and ready
        Path commands = Files.createDirectories(settings.data().resolve("payara-commands"));
        Path closedWhileBooting = Files.writeString(commands.resolve("preboot.asadmin"), LISTENER + "=false\n");
        Path openOnceDeployed = Files.writeString(commands.resolve("postdeploy.asadmin"), LISTENER + "=true\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java,
                "-Djava.awt.headless=true",
                "-Duser.timezone=Asia/Shanghai",
                "-D" + DatabaseSettings.URL + "=" + db.url(),
                "-D" + DatabaseSettings.USER + "=" + db.ownerUser(),
                "-D" + DatabaseSettings.APP_USER + "=" + db.appUser(),
                "-D" + DatabaseSettings.MAILER_USER + "=" + db.mailerUser(),
                "-Deducommons.demo=" + settings.demo(),
                "-Deducommons.tenant-config.dir=" + settings.tenantConfig(),
                "-Deducommons.public-url=" + settings.publicUrl(),
                "-jar", dist.resolve("payara-micro.jar").toString(),
                "--deploy", dist.resolve("ROOT.war").toString(),
                "--port", String.valueOf(settings.port()),
                "--rootdir", settings.payaraRoot().toString(),
                "--prebootcommandfile", closedWhileBooting.toString(),
                "--postdeploycommandfile", openOnceDeployed.toString(),
                "--nocluster", "--disablephonehome"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // secrets travel in the environment, not on the command line that `ps` shows
        builder.environment().put("EDUCOMMONS_DB_PASSWORD", db.ownerPassword());
        builder.environment().put("EDUCOMMONS_DB_APP_PASSWORD", db.appPassword());
        builder.environment().put("EDUCOMMONS_DB_MAILER_PASSWORD", db.mailerPassword());
        return builder.start();
    }

    /** What Payara Micro logs when the application failed to deploy: the server stays up, but serves nothing. */
    static final String DEPLOYMENT_FAILED = "Exception while loading the app";

    /**
     * Waits until the application's health check reports the database UP; gives up when the server
     * dies, when its log (from {@code logFrom} on) says the application failed to deploy, or after
     * the start timeout.
     */
    private static boolean awaitReady(Process server, int port, Path log, long logFrom) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline) && server.isAlive() && !logSays(log, logFrom, DEPLOYMENT_FAILED)) {
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains(DatabaseHealthCheck.NAME)) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        return false;
    }

    /**
     * Why the application failed to deploy, from what this start wrote to the log: each distinct
     * "Caused by" line and the itemised errors under it (a tenant configuration lists one per line).
     */
    private static List<String> causes(Path log, long from) {
        if (!logSays(log, from, DEPLOYMENT_FAILED)) {
            return List.of();
        }
        java.util.Set<String> lines = new java.util.LinkedHashSet<>();
        for (String line : written(log, from).split("\\R")) {
            if (line.startsWith("Caused by: ") || line.startsWith("  - ")) {
                lines.add(line);
            }
        }
        return lines.stream().limit(30).toList();
    }

    /** Whether {@code log} holds {@code text} after its first {@code from} bytes (what this start wrote). */
    private static boolean logSays(Path log, long from, String text) {
        return written(log, from).contains(text);
    }

    /** What {@code log} holds after its first {@code from} bytes; empty while there is no log. */
    private static String written(Path log, long from) {
        try (var channel = Files.newByteChannel(log)) {
            channel.position(Math.min(from, channel.size()));
            return new String(java.nio.channels.Channels.newInputStream(channel).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException notYet) {
            return "";
        }
    }

    /**
     * Started by root, PostgreSQL runs as {@code nobody} and must pass through the data folder to its own
     * sub-folder: the data folder gets search (x) permission for others; its files keep their own modes.
     */
    private static void letTheDatabaseUserThrough(Path data) throws IOException {
        var perms = java.util.EnumSet.copyOf(Files.getPosixFilePermissions(data));
        if (perms.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
            Files.setPosixFilePermissions(data, perms);
        }
    }

    /** Deletes {@code folder} and everything in it; nothing when it does not exist. */
    public static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var files = Files.walk(folder)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static List<String> tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
    }

    private static Path distribution() throws URISyntaxException {
        return Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    }

    /** Stops the application server first, then the embedded database. */
    private record Stopper(Process server, LocalPostgres embedded, LaunchSettings settings) {
        void stop() {
            if (server.isAlive()) {
                server.destroy();
                try {
                    if (!server.waitFor(60, TimeUnit.SECONDS)) {
                        server.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            try {
                Files.deleteIfExists(settings.data().resolve(SERVER_PID));
            } catch (IOException e) {
                // harmless: the next start finds no such process
            }
            if (embedded != null) {
                try {
                    embedded.close();
                } catch (RuntimeException alreadyStopping) {
                    // Ctrl-C reached PostgreSQL too; it shuts down cleanly on its own
                }
            }
            System.out.println("EduCommons stopped. Data kept in " + settings.data());
        }
    }
}
