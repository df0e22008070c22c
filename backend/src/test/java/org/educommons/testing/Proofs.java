package org.educommons.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The figures a proof of the suite ends with (cells tried, probes, bad inputs, acknowledged vs.
 * persisted writes): printed where the test runs, and kept in {@code target/proofs/} so that
 * {@code deploy/test} can print them all as the suite's last lines.
 */
public final class Proofs {

    private Proofs() {
    }

    /** Prints {@code line} and keeps it under {@code target/proofs/<name>.txt} of the module under test. */
    public static void report(String name, String line) {
        System.out.println(line);
        try {
            Path folder = Files.createDirectories(Path.of("target", "proofs"));
            Files.writeString(folder.resolve(name + ".txt"), line + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
