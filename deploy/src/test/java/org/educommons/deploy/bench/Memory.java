package org.educommons.deploy.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.educommons.deploy.Product;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Scenario 5's memory figures: the application server's resident memory (read from {@code /proc}), and
 * the heap each active Vaadin session holds. Sessions are opened as people open them, in headless
 * Chromium: the sign-in form, then the community home. Each stays active as if its tab were left open:
 * before the browser moves on, the request in which Vaadin's page tells the server it is gone (a
 * beacon to {@code ?v-r=uidl}) is blocked, and the session cookie is dropped so that the next person
 * gets a session of their own. Heap is measured after a full collection ({@code jcmd GC.run}) before
 * and after opening the sessions.
 */
final class Memory {

    private static final String SCENARIO = "memory";
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final Benchmark.Run run;
    private final Report report;
    private final ProcessHandle server;

    Memory(Benchmark.Run run, Report report, ProcessHandle server) {
        this.run = run;
        this.report = report;
        this.server = server;
    }

    /** The application server: the Payara Micro JVM that {@code deploy/run}'s launcher started. */
    static ProcessHandle server(Product.Running running) {
        return running.process().toHandle().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro.jar")).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no Payara Micro process under deploy/run"));
    }

    /** The server's resident memory, reported for information as what it holds {@code when}. */
    void resident(String when) throws IOException {
        report.info(SCENARIO, "resident memory of the application server, " + when, residentKb(server) / 1024.0, "MB");
    }

    /** Opens the run's number of sessions and reports the heap each holds. */
    void measure() throws Exception {
        int sessions = run.sizes().sessions();
        List<String> people = run.members().keySet().stream()
                .flatMap(slug -> java.util.stream.Stream.of(slug + ".admin", slug + ".principal1", slug + ".principal2"))
                .sorted().toList();
        ChromeDriver browser = browser();
        try {
            int failed = 0;
            // the first sessions load classes and fill caches that every later session shares
            for (int i = 0; i < 3; i++) {
                failed += open(browser, people.get(i % people.size())) ? 0 : 1;
            }
            long before = heapUsedKb();
            long started = System.nanoTime();
            for (int i = 0; i < sessions; i++) {
                failed += open(browser, people.get(i % people.size())) ? 0 : 1;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long after = heapUsedKb();
            System.out.printf("  %d sessions opened in %.1f s; heap after a full collection %,d KB before, %,d KB after%n",
                    sessions, seconds, before, after);
            report.atMost(SCENARIO, "heap per active Vaadin session (" + sessions + " signed in, community home)",
                    Math.max(0, after - before) / (double) sessions, "KB", 300);
            resident("with " + sessions + " more sessions open");
            report.violations(SCENARIO, "sessions that did not reach the community home", failed);
        } finally {
            browser.quit();
        }
    }

    /** One person's session: signs in, opens the community home, then leaves it open and forgets its cookie. */
    private boolean open(ChromeDriver browser, String username) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(50));
        try {
            browser.get("http://localhost:" + run.product().port() + "/login");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-login-form input[name='username']")))
                    .sendKeys(username);
            browser.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys("educommons-demo");
            browser.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-user")));
            browser.get("http://localhost:" + run.product().port() + "/communities/" + Benchmark.COMMUNITY);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("members")));
            return true;
        } catch (RuntimeException e) {
            System.out.println("  session of " + username + " failed: " + e.getMessage().lines().findFirst().orElse(""));
            return false;
        } finally {
            browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*v-r=uidl*")));
            browser.get("about:blank");
            browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
        }
    }

    private static ChromeDriver browser() throws IOException {
        // Selenium warns at every start that it has no DevTools binding for this Chromium; nothing here needs one
        Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--lang=zh-CN",
                "--window-size=1280,900", "--user-data-dir=" + Files.createTempDirectory("bench-chromium"));
        ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build(), options);
        browser.executeCdpCommand("Network.enable", Map.of());
        return browser;
    }

    /** The server's heap in use after a full collection, in KB, as {@code jcmd} reports it. */
    private long heapUsedKb() throws IOException, InterruptedException {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher used = HEAP_USED.matcher(info);
        if (!used.find()) {
            throw new IllegalStateException("jcmd GC.heap_info said no heap in use: " + info);
        }
        return Long.parseLong(used.group(1));
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(server.pid()), command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + out);
        }
        return out;
    }

    private static long residentKb(ProcessHandle process) throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                .filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")))
                .findFirst().orElseThrow(() -> new IllegalStateException("no VmRSS for process " + process.pid()));
    }
}
