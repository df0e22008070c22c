package org.educommons.tenantconfig;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.educommons.tenantconfig.ConfigFiles.ConfigFile;

/** What the demo data loaders share: reading a file, and finding the rows it names. */
final class DemoRows {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private DemoRows() {
    }

    /** The file's YAML tree; an invalid file is reported with its name. */
    static JsonNode read(ConfigFile file) {
        try {
            return YAML.readTree(file.text());
        } catch (IOException e) {
            throw new InvalidConfigException(List.of(new ConfigError(file.name(), "", "is not valid YAML: " + e.getMessage())));
        }
    }

    /**
     * The id the query {@code sql} finds for {@code params}; when it finds none, the file's
     * {@code field} names something unknown.
     */
    static long id(Connection c, ConfigFile file, String field, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = bind(c.prepareStatement(sql), params)) {
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new InvalidConfigException(List.of(new ConfigError(file.name(), field,
                            "names nothing known: " + List.of(params))));
                }
                return r.getLong(1);
            }
        }
    }

    /** Runs the statement {@code sql} with {@code params}. */
    static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = bind(c.prepareStatement(sql), params)) {
            s.executeUpdate();
        }
    }

    private static PreparedStatement bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            if (params[i] == null) {
                s.setNull(i + 1, java.sql.Types.VARCHAR);
            } else {
                s.setObject(i + 1, params[i]);
            }
        }
        return s;
    }

    /** The id of the tenant {@code slug}. */
    static long tenant(Connection c, ConfigFile file, String field, String slug) throws SQLException {
        return id(c, file, field, "select id from tenant where slug = ?", slug);
    }

    /** The id of the community {@code slug}. */
    static long community(Connection c, ConfigFile file, String field, String slug) throws SQLException {
        return id(c, file, field, "select id from community where slug = ?", slug);
    }
}
