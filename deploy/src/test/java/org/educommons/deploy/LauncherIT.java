package org.educommons.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    void startsOnAnEmptyDataFolderStopsCleanlyAndKeepsItsDataAcrossARestart() throws Exception {
        Product product = new Product(Product.freePort());

        Product.Running first = product.start(data);
        assertThat(product.read("health")).contains("\"status\":\"UP\"", "educommons-database");
        String community = product.read("api/v1/communities/chuannan-yuxi");
        assertThat(community).contains("川南渝西教育共同体", "2023-02-20");
        // a second launcher on the same data folder is refused at once, and the first keeps serving
        Process intruder = Product.launcher(data, Product.freePort()).start();
        assertThat(intruder.waitFor(60, TimeUnit.SECONDS)).as("refused at once").isTrue();
        String refusal = new String(intruder.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(intruder.exitValue()).as(refusal).isEqualTo(3);
        assertThat(refusal).contains("already running on the data folder");
        assertThat(product.read("health")).contains("\"status\":\"UP\"");
        String token = product.token("yibin.admin");
        String me = product.read("api/v1/me", Product.bearer(token));
        Product.stop(first);
        assertThat(first.printed()).contains("EduCommons stopped");
        assertThat(Files.isDirectory(data.resolve("postgres"))).isTrue();

        Product.Running second = product.start(data);
        assertThat(second.printed()).doesNotContain("building");
        assertThat(product.read("api/v1/communities/chuannan-yuxi")).isEqualTo(community);
        // a token issued before the restart is still in the database: same data, not re-initialised
        assertThat(product.read("api/v1/me", Product.bearer(token))).isEqualTo(me);
        Product.stop(second);

        // an application that fails to deploy (here: a demo plan of a community nobody defined) is reported
        // at once with the server log's reason, not after the start timeout, and the launcher exits
        Path plans = Files.createDirectories(data.resolve("tenant-config").resolve("plans"));
        Files.writeString(plans.resolve("broken.yaml"), "community: nowhere\nyear: 2023\nmembers: {}\n");
        Process broken = Product.launcher(data, Product.freePort()).redirectErrorStream(true).start();
        long started = System.nanoTime();
        assertThat(broken.waitFor(3, TimeUnit.MINUTES)).as("gave up without waiting for the timeout").isTrue();
        String said = new String(broken.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(broken.exitValue()).as(said).isEqualTo(1);
        assertThat(said).contains("EduCommons did not start", "names no community: 'nowhere'");
        System.out.printf("A failed deployment was reported after %.0f s%n", (System.nanoTime() - started) / 1e9);
    }
}
