package org.educommons.tenantconfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import org.eclipse.microprofile.config.ConfigProvider;
import org.educommons.membership.TenantProvisioned;

/**
 * Keeps the configuration the source of truth: a tenant provisioned by a join approval is written
 * back as {@code tenants/<slug>.yaml} in the tenant-config folder, inside the approving transaction
 * (a failure to write undoes the approval; an approval that does not commit removes the file). The
 * file is written whole, then moved into place.
 */
@ApplicationScoped
public class TenantConfigWriter {

    private static final Logger LOG = Logger.getLogger(TenantConfigWriter.class.getName());
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    /** An approval that did not commit leaves no file behind. */
    void onRolledBack(@Observes(during = TransactionPhase.AFTER_FAILURE) TenantProvisioned tenant) {
        ConfigProvider.getConfig().getOptionalValue(TenantConfigStartup.DIRECTORY, String.class).ifPresent(dir -> {
            try {
                if (java.nio.file.Files.deleteIfExists(Path.of(dir, "tenants", tenant.slug() + ".yaml"))) {
                    LOG.warning(() -> "The approval of " + tenant.slug() + " did not commit: its tenant file is removed");
                }
            } catch (java.io.IOException e) {
                LOG.severe(() -> "The approval of " + tenant.slug() + " did not commit, but its tenant file could not be removed: " + e);
            }
        });
    }

    void onProvisioned(@Observes TenantProvisioned tenant) {
        var dir = ConfigProvider.getConfig().getOptionalValue(TenantConfigStartup.DIRECTORY, String.class);
        if (dir.isEmpty()) {
            LOG.warning(() -> "No " + TenantConfigStartup.DIRECTORY + " configured: tenant " + tenant.slug()
                    + " exists in the database only");
            return;
        }
        write(Path.of(dir.get()), tenant);
    }

    /** Writes the tenant file under {@code root} and returns its path. */
    public static Path write(Path root, TenantProvisioned tenant) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("slug", tenant.slug());
        file.put("name", Map.of("zh", tenant.nameZh(), "en", tenant.nameEn()));
        file.put("kind", tenant.kind());
        file.put("region", tenant.region());
        if (tenant.parent() != null) {
            file.put("parent", tenant.parent());
        }
        file.put("admin", Map.of("username", tenant.adminUsername(), "displayName", tenant.adminName(),
                "email", tenant.adminEmail()));
        Map<String, Object> membership = new LinkedHashMap<>();
        membership.put("community", tenant.community());
        membership.put("role", "MEMBER");
        membership.put("joined", tenant.joinedOn().toString());
        membership.put("meeting", tenant.meeting());
        file.put("communities", List.of(membership));
        try {
            Path folder = root.resolve("tenants");
            Files.createDirectories(folder);
            Path target = folder.resolve(tenant.slug() + ".yaml");
            Path temporary = folder.resolve("." + tenant.slug() + ".yaml.tmp");
            Files.writeString(temporary, "# Provisioned by the approval of a join application.\n" + YAML.writeValueAsString(file),
                    StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the tenant configuration of " + tenant.slug(), e);
        }
    }
}
