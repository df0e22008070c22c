package org.educommons.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy/run} as a newcomer uses it: an empty data folder, the embedded PostgreSQL, the demo
 * community; stopped and started again, it finds the same data and does not rebuild.
 */
class LauncherIT {

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();

    /** A running {@code deploy/run} and everything it printed. */
    private record Running(Process process, List<String> output, Thread reader) {
        String printed() {
            return String.join("\n", output);
        }
    }

    @Test
    void startsOnAnEmptyDataFolderStopsCleanlyAndKeepsItsDataAcrossARestart() throws Exception {
        int port = freePort();

        Running first = start(port);
        assertThat(get(port, "health")).contains("\"status\":\"UP\"", "educommons-database");
        String community = get(port, "api/v1/communities/chuannan-yuxi");
        assertThat(community).contains("川南渝西教育共同体", "2023-02-20");
        // a second launcher on the same data folder is refused at once, and the first keeps serving
        ProcessBuilder another = new ProcessBuilder("bash", System.getProperty("educommons.run", "run")).redirectErrorStream(true);
        another.environment().remove("EDUCOMMONS_DB_URL");
        another.environment().put("EDUCOMMONS_DATA", data.toString());
        another.environment().put("EDUCOMMONS_PORT", String.valueOf(freePort()));
        Process intruder = another.start();
        assertThat(intruder.waitFor(60, TimeUnit.SECONDS)).as("refused at once").isTrue();
        String refusal = new String(intruder.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(intruder.exitValue()).as(refusal).isEqualTo(3);
        assertThat(refusal).contains("already running on the data folder");
        assertThat(get(port, "health")).contains("\"status\":\"UP\"");
        String token = token(port);
        String me = get(port, "api/v1/me", "Authorization", "Bearer " + token);
        stop(first);
        assertThat(first.printed()).contains("EduCommons stopped");
        assertThat(Files.isDirectory(data.resolve("postgres"))).isTrue();

        Running second = start(port);
        assertThat(second.printed()).doesNotContain("building");
        assertThat(get(port, "api/v1/communities/chuannan-yuxi")).isEqualTo(community);
        // a token issued before the restart is still in the database: same data, not re-initialised
        assertThat(get(port, "api/v1/me", "Authorization", "Bearer " + token)).isEqualTo(me);
        stop(second);
    }

    private Running start(int port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", System.getProperty("educommons.run", "run"))
                .redirectErrorStream(true);
        builder.environment().remove("EDUCOMMONS_DB_URL");
        builder.environment().remove("EDUCOMMONS_DEMO");
        builder.environment().put("EDUCOMMONS_DATA", data.toString());
        builder.environment().put("EDUCOMMONS_PORT", String.valueOf(port));
        Process process = builder.start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    output.add(line);
                }
            } catch (IOException ignored) {
                // process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (output.stream().noneMatch(l -> l.startsWith("EduCommons is ready: http://localhost:" + port + "/"))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new AssertionError("deploy/run did not become ready:\n" + String.join("\n", output));
            }
            Thread.sleep(200);
        }
        return new Running(process, output, reader);
    }

    private static void stop(Running running) throws InterruptedException {
        // SIGTERM, as a service manager would stop it (Process.destroy() would also close our end of its output)
        running.process().toHandle().destroy();
        assertThat(running.process().waitFor(90, TimeUnit.SECONDS)).as("stopped within 90 s").isTrue();
        running.reader().join(TimeUnit.SECONDS.toMillis(30)); // the last lines
        assertThat(running.process().exitValue()).as("exit status:\n%s", running.printed()).isIn(0, 143);
    }

    private String get(int port, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/" + path))
                .timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return response.body();
    }

    private String token(int port) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"yibin.admin\",\"password\":\"educommons-demo\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().replaceAll(".*\"accessToken\":\"([^\"]+)\".*", "$1");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
