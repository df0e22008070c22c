package org.educommons.tenantconfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds definition files: {@code tenants/*.yaml} and {@code communities/*.yaml} under a folder, or
 * under a folder on the class path (the demo set inside this module's jar).
 */
public final class ConfigFiles {

    /** Where the demo community's definitions live on the class path. */
    public static final String DEMO = "tenant-config/demo";

    /** A definition file's kind, its name as reported in errors, and its text. */
    public record ConfigFile(Kind kind, String name, String text) {
    }

    /** The kinds of file, by the folder they sit in; demo plans are demo data, not configuration. */
    public enum Kind {
        TENANT("tenants"), COMMUNITY("communities"), DEMO_PLAN("plans"), DEMO_FORUM("forums"), DEMO_ACTIVITY("activities");

        /** Demo data, not configuration: only loaded in demo mode. */
        boolean demoData() {
            return this != TENANT && this != COMMUNITY;
        }

        final String folder;

        Kind(String folder) {
            this.folder = folder;
        }
    }

    private ConfigFiles() {
    }

    /** The files under {@code root}; none if it does not exist. */
    public static List<ConfigFile> inDirectory(Path root) {
        return read(root, root.toString());
    }

    /** The files under a class-path folder, e.g. {@link #DEMO}. */
    public static List<ConfigFile> onClasspath(String folder, ClassLoader loader) {
        URL url = loader.getResource(folder + "/" + Kind.COMMUNITY.folder);
        if (url == null) {
            throw new IllegalStateException("No definitions on the class path under " + folder);
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return read(fs.getPath(folder), "classpath:" + folder);
            }
            return read(Path.of(uri).getParent(), "classpath:" + folder);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("Cannot read definitions from " + url, e);
        }
    }

    private static List<ConfigFile> read(Path root, String displayRoot) {
        List<ConfigFile> files = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            Path folder = root.resolve(kind.folder);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> entries = Files.list(folder)) {
                for (Path p : entries.sorted(Comparator.comparing(Path::toString)).toList()) {
                    String fileName = p.getFileName().toString();
                    if (fileName.endsWith(".yaml") || fileName.endsWith(".yml")) {
                        files.add(new ConfigFile(kind, displayRoot + "/" + kind.folder + "/" + fileName,
                                Files.readString(p, StandardCharsets.UTF_8)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + folder, e);
            }
        }
        return files;
    }
}
