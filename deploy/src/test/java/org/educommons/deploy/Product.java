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
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The product as an operator runs it: {@code deploy/run} on a data folder and a port, with everything
 * it prints kept, and plain HTTP calls to it.
 */
public final class Product {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A running {@code deploy/run} and everything it printed. */
    public record Running(Process process, List<String> output, Thread reader) {
        public String printed() {
            return String.join("\n", output);
        }
    }

    /** An answer: status and body ({@code status} -1 when the server could not be reached). */
    public record Reply(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private final int port;

    public Product(int port) {
        this.port = port;
    }

    public int port() {
        return port;
    }

    /** {@code deploy/run} on {@code data}, once it has printed its ready line (within 5 minutes). */
    public Running start(Path data) throws Exception {
        return start(data, java.util.Map.of());
    }

    /** The same with more {@code EDUCOMMONS_*} settings (a database of the caller's, say). */
    public Running start(Path data, java.util.Map<String, String> settings) throws Exception {
        ProcessBuilder builder = launcher(data, port);
        builder.environment().remove("EDUCOMMONS_DEMO");
        builder.environment().putAll(settings);
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

    /** A {@code deploy/run} on {@code data} and {@code port} (embedded PostgreSQL), not yet started. */
    public static ProcessBuilder launcher(Path data, int port) {
        ProcessBuilder builder = new ProcessBuilder("bash", System.getProperty("educommons.run", "run")).redirectErrorStream(true);
        builder.environment().remove("EDUCOMMONS_DB_URL");
        builder.environment().put("EDUCOMMONS_DATA", data.toString());
        builder.environment().put("EDUCOMMONS_PORT", String.valueOf(port));
        return builder;
    }

    /** Stops it as a service manager would (SIGTERM) and expects a clean exit within 90 s. */
    public static void stop(Running running) throws InterruptedException {
        // ProcessHandle, not Process.destroy(), which would also close our end of its output
        running.process().toHandle().destroy();
        assertThat(running.process().waitFor(90, TimeUnit.SECONDS)).as("stopped within 90 s").isTrue();
        running.reader().join(TimeUnit.SECONDS.toMillis(30)); // the last lines
        assertThat(running.process().exitValue()).as("exit status:\n%s", running.printed()).isIn(0, 143);
    }

    public Reply get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    public Reply post(String path, String json, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    /** The body of a GET that must answer 200. */
    public String read(String path, String... headers) {
        Reply reply = get(path, headers);
        assertThat(reply.status()).as("GET %s: %s", path, reply.body()).isEqualTo(200);
        return reply.body();
    }

    /** A bearer token of a demo account. */
    public String token(String username) {
        Reply reply = post("api/v1/auth/token", "{\"username\":\"" + username + "\",\"password\":\"educommons-demo\"}");
        assertThat(reply.status()).as("sign-in of %s: %s", username, reply.body()).isEqualTo(200);
        return reply.json().get("accessToken").asText();
    }

    public static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + "/" + path);
    }

    private static Reply send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException unreachable) {
            return new Reply(-1, String.valueOf(unreachable));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(-1, "interrupted");
        }
    }

    /** Prints a proof's figures and keeps them in target/proofs/ for deploy/test's closing summary. */
    public static void report(String name, String line) throws IOException {
        System.out.println(line);
        java.nio.file.Path folder = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "proofs"));
        java.nio.file.Files.writeString(folder.resolve(name + ".txt"), line + System.lineSeparator(),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
