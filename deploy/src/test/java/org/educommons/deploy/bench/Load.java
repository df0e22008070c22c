package org.educommons.deploy.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A load driver: a closed model (a fixed number of connections, each sending its next request when the
 * last one is answered: saturation throughput) and an open model (requests start at a constant rate,
 * whether or not earlier ones are answered; latency counts from when a request should have started, so
 * a stalled server cannot hide its queue). Latencies go into an HdrHistogram in microseconds.
 */
final class Load {

    /** One call: what to send. */
    @FunctionalInterface
    interface Call {
        /** The {@code i}-th request; its answer's status and body go to {@code answers}. */
        Answer send(int i) throws Exception;
    }

    /** What the server answered. */
    record Answer(int status, String body) {
    }

    /** What a run measured. */
    record Result(long requests, long errors, double seconds, Histogram latency, Map<Integer, Long> statuses,
                  String firstError) {
        double perSecond() {
            return requests / seconds;
        }

        double millis(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1000.0;
        }

        String summary() {
            return String.format("%,d requests in %.1f s: %,.0f/s, p50 %.1f ms, p99 %.1f ms, statuses %s%s",
                    requests, seconds, perSecond(), millis(50), millis(99), statuses,
                    firstError == null ? "" : "; first failure: " + firstError);
        }
    }

    private final HttpClient http;
    private final String base;

    Load(int port, int connections) {
        this.base = "http://localhost:" + port + "/";
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(Math.max(4, connections / 8), daemon("bench-http")))
                .build();
    }

    /** A GET as a call. */
    Call get(String path, String... headers) {
        return i -> send(request(path, headers).GET().build());
    }

    /** A POST of a JSON body as a call; {@code headers} may differ per request. */
    Call post(String path, String json, IntFunction<String[]> headers) {
        return i -> send(request(path, headers.apply(i)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        for (int h = 0; h < headers.length; h += 2) {
            builder.header(headers[h], headers[h + 1]);
        }
        return builder;
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /**
     * Closed model: {@code connections} workers send calls 0..{@code count}-1 between them, each as soon as
     * its last one is answered; each answer is also handed to {@code answers} (may be null).
     */
    Result closed(Call call, int connections, int count, AnswerSink answers) throws InterruptedException {
        return closed(call, connections, count, Long.MAX_VALUE, answers);
    }

    /** Closed model for a time: workers send calls until {@code duration} has passed. */
    Result closedFor(Call call, int connections, Duration duration) throws InterruptedException {
        return closed(call, connections, Integer.MAX_VALUE, duration.toNanos(), null);
    }

    private Result closed(Call call, int connections, int count, long forNanos, AnswerSink answers) throws InterruptedException {
        Histogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(2), 3);
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        Failures errors = new Failures();
        long start = System.nanoTime();
        long end = forNanos == Long.MAX_VALUE ? Long.MAX_VALUE : start + forNanos;
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < connections; w++) {
            Thread worker = new Thread(() -> {
                for (int i; System.nanoTime() < end && (i = next.getAndIncrement()) < count; ) {
                    long sent = System.nanoTime();
                    int status = attempt(call, i, answers, errors);
                    latency.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                    statuses.merge(status, 1L, Long::sum);
                }
            }, "bench-closed-" + w);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(latency.getTotalCount(), errors.count.get(), seconds, latency, statuses, errors.first.get());
    }

    /**
     * Open model: call {@code i} starts at {@code i / rate} seconds, for {@code duration}; a pool of
     * {@code maxInFlight} threads sends them. Latency counts from the intended start.
     */
    Result open(Call call, double rate, Duration duration, int maxInFlight) throws InterruptedException {
        Histogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(2), 3);
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        Failures errors = new Failures();
        int count = (int) Math.max(1, Math.round(rate * duration.toNanos() / 1e9));
        long interval = (long) (1e9 / rate);
        ExecutorService senders = Executors.newFixedThreadPool(maxInFlight, daemon("bench-open"));
        CountDownLatch done = new CountDownLatch(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long intended = start + i * interval;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int n = i;
            senders.execute(() -> {
                try {
                    int status = attempt(call, n, null, errors);
                    latency.recordValue(Math.max(1, (System.nanoTime() - intended) / 1000));
                    statuses.merge(status, 1L, Long::sum);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        senders.shutdown();
        return new Result(latency.getTotalCount(), errors.count.get(), seconds, latency, statuses, errors.first.get());
    }

    /** Receives each answer of a closed run, by call number. */
    @FunctionalInterface
    interface AnswerSink {
        void accept(int i, Answer answer);
    }

    /** Failed calls: how many, and what the first one was (for the operator reading the run). */
    private static final class Failures {
        final AtomicLong count = new AtomicLong();
        final java.util.concurrent.atomic.AtomicReference<String> first = new java.util.concurrent.atomic.AtomicReference<>();

        void add(String what) {
            count.incrementAndGet();
            first.compareAndSet(null, what.length() > 300 ? what.substring(0, 300) : what);
        }
    }

    private static int attempt(Call call, int i, AnswerSink answers, Failures errors) {
        try {
            Answer answer = call.send(i);
            if (answer.status() >= 400) {
                errors.add(answer.status() + " " + answer.body());
            }
            if (answers != null) {
                answers.accept(i, answer);
            }
            return answer.status();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            errors.add("interrupted");
            return -1;
        } catch (Exception e) {
            errors.add(String.valueOf(e));
            return -1;
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
