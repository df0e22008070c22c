package org.educommons.tenantconfig;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.educommons.tenancy.CommunitySlug;
import org.educommons.tenancy.LocalizedName;
import org.educommons.tenancy.MembershipRole;
import org.educommons.tenancy.TenantKind;
import org.educommons.tenancy.TenantSlug;
import org.educommons.tenantconfig.ConfigFiles.ConfigFile;
import org.educommons.tenantconfig.Definitions.AdminDefinition;
import org.educommons.tenantconfig.Definitions.CommunityDefinition;
import org.educommons.tenantconfig.Definitions.ConfigSet;
import org.educommons.tenantconfig.Definitions.MemberDefinition;
import org.educommons.tenantconfig.Definitions.TenantDefinition;

/**
 * Reads and validates definition files as a whole: each file's fields, then what the files say
 * about each other (unknown or duplicate slugs, roster entries naming no tenant…). Every error is
 * collected; the set is returned only when there are none.
 */
public final class ConfigReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TENANT_FIELDS = Set.of("slug", "name", "kind", "region", "parent", "admin", "communities");
    private static final Set<String> TENANT_MEMBERSHIP_FIELDS = Set.of("community", "role", "joined", "meeting");
    private static final Set<String> ADMIN_FIELDS = Set.of("username", "displayName", "email");
    private static final Set<String> COMMUNITY_FIELDS = Set.of("slug", "name", "foundedIn", "description", "members");
    private static final Set<String> MEMBER_FIELDS = Set.of("tenant", "role", "joined", "meeting", "secretariat");
    private static final Set<String> NAME_FIELDS = Set.of("zh", "en");

    private final List<ConfigError> errors = new ArrayList<>();
    /** Slugs of every tenant file, valid or not, so one broken file does not cascade into roster errors. */
    private final Set<String> declaredTenants = new HashSet<>();

    private ConfigReader() {
    }

    /** The valid set described by {@code files}, or {@link InvalidConfigException} listing every error. */
    public static ConfigSet read(List<ConfigFile> files) {
        return new ConfigReader().readAll(files);
    }

    private ConfigSet readAll(List<ConfigFile> files) {
        List<TenantDefinition> tenants = new ArrayList<>();
        List<CommunityDefinition> communities = new ArrayList<>();
        for (ConfigFile file : files) {
            if (file.kind().demoData()) {
                continue; // read by DemoPlans and DemoForums
            }
            JsonNode root = parse(file);
            if (root == null) {
                continue;
            }
            if (file.kind() == ConfigFiles.Kind.TENANT) {
                TenantDefinition t = tenant(file.name(), root);
                if (t != null) {
                    tenants.add(t);
                }
            } else {
                CommunityDefinition c = community(file.name(), root);
                if (c != null) {
                    communities.add(c);
                }
            }
        }
        crossCheck(tenants, communities);
        if (!errors.isEmpty()) {
            throw new InvalidConfigException(errors);
        }
        return new ConfigSet(List.copyOf(tenants), List.copyOf(communities));
    }

    private JsonNode parse(ConfigFile file) {
        try {
            JsonNode root = YAML.readTree(file.text());
            if (root == null || !root.isObject()) {
                error(file.name(), "", "is empty or not a mapping of fields");
                return null;
            }
            return root;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            error(file.name(), "", "is not valid YAML" + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + ": " + e.getOriginalMessage());
            return null;
        }
    }

    private TenantDefinition tenant(String file, JsonNode root) {
        int before = errors.size();
        unknownFields(file, "", root, TENANT_FIELDS);
        String slug = slug(file, root, "slug", TenantSlug::isValid);
        expectFileNamedAfter(file, slug);
        if (slug != null) {
            declaredTenants.add(slug);
        }
        LocalizedName name = name(file, root, "name", true);
        TenantKind kind = enumValue(file, root, "", "kind", TenantKind.class);
        String region = text(file, root, "region", true);
        String parent = null;
        if (root.hasNonNull("parent")) {
            parent = slug(file, root, "parent", TenantSlug::isValid);
        }
        AdminDefinition admin = null;
        JsonNode a = root.get("admin");
        if (a == null || a.isNull()) {
            error(file, "admin", "is required: the tenant's first administrator (username, displayName, email)");
        } else if (!a.isObject()) {
            error(file, "admin", "must be a mapping with username, displayName and email");
        } else {
            unknownFields(file, "admin.", a, ADMIN_FIELDS);
            String username = text(file, a, "admin.", "username", true);
            if (username != null && !username.matches("[a-z0-9][a-z0-9._-]{1,62}")) {
                error(file, "admin.username", "'" + username + "' must be 2-63 lower-case letters, digits, '.', '_' or '-'");
            }
            String displayName = text(file, a, "admin.", "displayName", true);
            String email = text(file, a, "admin.", "email", true);
            if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                error(file, "admin.email", "'" + email + "' is not an e-mail address");
            }
            admin = new AdminDefinition(username, displayName, email);
        }
        List<Definitions.TenantMembership> memberships = new ArrayList<>();
        JsonNode communities = root.get("communities");
        if (communities != null && !communities.isNull()) {
            if (!communities.isArray()) {
                error(file, "communities", "must be a list of communities the tenant joined");
            } else {
                for (int i = 0; i < communities.size(); i++) {
                    String path = "communities[" + i + "]";
                    JsonNode c = communities.get(i);
                    if (!c.isObject()) {
                        error(file, path, "must be a mapping with community, role and joined");
                        continue;
                    }
                    unknownFields(file, path + ".", c, TENANT_MEMBERSHIP_FIELDS);
                    String community = text(file, c, path + ".", "community", true);
                    com.fasterxml.jackson.databind.node.ObjectNode asMember = c.deepCopy();
                    asMember.remove("community");
                    asMember.put("tenant", slug == null ? "unknown" : slug);
                    MemberDefinition m = member(file, path, asMember, null);
                    if (community != null && m != null) {
                        memberships.add(new Definitions.TenantMembership(community, m));
                    }
                }
            }
        }
        return errors.size() == before
                ? new TenantDefinition(file, slug, name, kind, region, parent, admin, List.copyOf(memberships)) : null;
    }

    private CommunityDefinition community(String file, JsonNode root) {
        int before = errors.size();
        unknownFields(file, "", root, COMMUNITY_FIELDS);
        String slug = slug(file, root, "slug", CommunitySlug::isValid);
        expectFileNamedAfter(file, slug);
        LocalizedName name = name(file, root, "name", true);
        LocalizedName description = name(file, root, "description", false);
        Integer foundedIn = year(file, root, "foundedIn");
        List<MemberDefinition> members = new ArrayList<>();
        JsonNode list = root.get("members");
        if (list == null || !list.isArray() || list.isEmpty()) {
            error(file, "members", "is required: the community's roster, a list of members");
        } else {
            for (int i = 0; i < list.size(); i++) {
                MemberDefinition m = member(file, "members[" + i + "]", list.get(i), foundedIn);
                if (m != null) {
                    members.add(m);
                }
            }
        }
        return errors.size() == before
                ? new CommunityDefinition(file, slug, name, foundedIn, description, List.copyOf(members)) : null;
    }

    private MemberDefinition member(String file, String path, JsonNode m, Integer foundedIn) {
        if (!m.isObject()) {
            error(file, path, "must be a mapping with tenant, role and joined");
            return null;
        }
        String prefix = path + ".";
        unknownFields(file, prefix, m, MEMBER_FIELDS);
        String tenant = text(file, m, prefix, "tenant", true);
        if (tenant != null && !TenantSlug.isValid(tenant)) {
            error(file, prefix + "tenant", "'" + tenant + "' is not a tenant slug");
        }
        MembershipRole role = enumValue(file, m, prefix, "role", MembershipRole.class);
        Integer year = null;
        LocalDate day = null;
        JsonNode joined = m.get("joined");
        if (joined == null || joined.isNull()) {
            error(file, prefix + "joined", "is required: a year (2020) or a date (2023-02-20)");
        } else if (joined.isInt()) {
            year = joined.intValue();
        } else {
            try {
                day = LocalDate.parse(joined.asText());
                year = day.getYear();
            } catch (DateTimeParseException e) {
                error(file, prefix + "joined", "'" + joined.asText() + "' is neither a year nor a date like 2023-02-20");
            }
        }
        if (year != null && foundedIn != null && year < foundedIn) {
            error(file, prefix + "joined", year + " is before the community was founded (" + foundedIn + ")");
        }
        if (role == MembershipRole.FOUNDING_MEMBER && year != null && foundedIn != null && year.intValue() != foundedIn) {
            error(file, prefix + "joined", "a founding member joins in the founding year " + foundedIn);
        }
        JsonNode secretariat = m.get("secretariat");
        if (secretariat != null && !secretariat.isBoolean()) {
            error(file, prefix + "secretariat", "must be true or false");
        }
        String meeting = text(file, m, prefix, "meeting", false);
        if (tenant == null || role == null || year == null) {
            return null;
        }
        return new MemberDefinition(tenant, role, year, day, meeting, secretariat != null && secretariat.asBoolean());
    }

    private void crossCheck(List<TenantDefinition> tenants, List<CommunityDefinition> communities) {
        Map<String, String> tenantFiles = new HashMap<>();
        Map<String, String> usernames = new HashMap<>();
        for (TenantDefinition t : tenants) {
            String other = tenantFiles.putIfAbsent(t.slug(), t.file());
            if (other != null) {
                error(t.file(), "slug", "'" + t.slug() + "' is already defined in " + other);
            }
            String otherUser = usernames.putIfAbsent(t.admin().username(), t.file());
            if (otherUser != null) {
                error(t.file(), "admin.username", "'" + t.admin().username() + "' is already used in " + otherUser);
            }
        }
        for (TenantDefinition t : tenants) {
            if (t.parent() != null && !declaredTenants.contains(t.parent())) {
                error(t.file(), "parent", "names no defined tenant: '" + t.parent() + "'");
            }
            if (t.slug().equals(t.parent())) {
                error(t.file(), "parent", "a tenant cannot be its own parent");
            }
        }
        checkTree(tenants);
        Set<String> communitySlugs = new HashSet<>();
        Set<String> rosterEntries = new HashSet<>();
        for (CommunityDefinition c : communities) {
            c.members().forEach(m -> rosterEntries.add(c.slug() + "/" + m.tenant()));
        }
        for (TenantDefinition t : tenants) {
            for (int i = 0; i < t.memberships().size(); i++) {
                Definitions.TenantMembership tm = t.memberships().get(i);
                if (communities.stream().noneMatch(c -> c.slug().equals(tm.community()))) {
                    error(t.file(), "communities[" + i + "].community", "names no defined community: '" + tm.community() + "'");
                }
                if (rosterEntries.contains(tm.community() + "/" + t.slug())) {
                    error(t.file(), "communities[" + i + "].community", "'" + t.slug() + "' is already in the roster of " + tm.community());
                }
            }
        }
        for (CommunityDefinition c : communities) {
            if (!communitySlugs.add(c.slug())) {
                error(c.file(), "slug", "'" + c.slug() + "' is defined twice");
            }
            Set<String> seen = new HashSet<>();
            int secretariats = 0;
            for (int i = 0; i < c.members().size(); i++) {
                MemberDefinition m = c.members().get(i);
                String field = "members[" + i + "].tenant";
                if (!declaredTenants.contains(m.tenant())) {
                    error(c.file(), field, "names no defined tenant: '" + m.tenant() + "'");
                }
                if (!seen.add(m.tenant())) {
                    error(c.file(), field, "'" + m.tenant() + "' is listed twice");
                }
                secretariats += m.secretariat() ? 1 : 0;
            }
            if (secretariats > 1) {
                error(c.file(), "members", "only one member can run the secretariat");
            }
            if (c.members().stream().noneMatch(m -> m.role() == MembershipRole.FOUNDING_MEMBER)) {
                error(c.file(), "members", "a community needs at least one founding member");
            }
        }
    }

    /**
     * Tenants form a tree through {@code parent}: no tenant is its own ancestor, and a child sits below its
     * parent's level (province → city → district → school cluster → school; see {@link TenantKind#isBelow}).
     */
    private void checkTree(List<TenantDefinition> tenants) {
        Map<String, TenantDefinition> bySlug = new HashMap<>();
        tenants.forEach(t -> bySlug.putIfAbsent(t.slug(), t));
        for (TenantDefinition t : tenants) {
            TenantDefinition parent = t.parent() == null ? null : bySlug.get(t.parent());
            if (parent == null || parent == t) {
                continue; // no parent, or one reported above
            }
            if (t.kind() != null && parent.kind() != null && !t.kind().isBelow(parent.kind())) {
                error(t.file(), "parent", "a " + t.kind() + " cannot be placed under '" + parent.slug() + "', a "
                        + parent.kind() + ": a child sits below its parent's level ("
                        + String.join(" > ", TenantKind.LEVELS.stream().map(Enum::name).toList()) + ")");
            }
            Set<String> chain = new java.util.LinkedHashSet<>(List.of(t.slug()));
            for (TenantDefinition up = parent; up != null; up = up.parent() == null ? null : bySlug.get(up.parent())) {
                if (!chain.add(up.slug())) {
                    if (up.slug().equals(t.slug())) {
                        error(t.file(), "parent", "makes a cycle: " + String.join(" → ", chain) + " → " + t.slug());
                    }
                    break; // a cycle further up, reported at its own members
                }
            }
        }
    }

    // --- field helpers -------------------------------------------------------------------------

    private void unknownFields(String file, String prefix, JsonNode node, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                error(file, prefix + name, "is not a known field (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    private String slug(String file, JsonNode root, String field, java.util.function.Predicate<String> valid) {
        String value = text(file, root, field, true);
        if (value != null && !valid.test(value)) {
            error(file, field, "'" + value + "' must be 2-63 lower-case letters, digits or '-', starting with a letter");
            return null;
        }
        return value;
    }

    private void expectFileNamedAfter(String file, String slug) {
        if (slug == null) {
            return;
        }
        String base = file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.ya?ml$", "");
        if (!base.equals(slug)) {
            error(file, "slug", "'" + slug + "' differs from the file name; name the file " + slug + ".yaml");
        }
    }

    private LocalizedName name(String file, JsonNode root, String field, boolean required) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                error(file, field, "is required, with zh and en");
            }
            return required ? null : new LocalizedName(null, null);
        }
        if (!n.isObject()) {
            error(file, field, "must be a mapping with zh and en");
            return null;
        }
        unknownFields(file, field + ".", n, NAME_FIELDS);
        String zh = text(file, n, field + ".", "zh", true);
        String en = text(file, n, field + ".", "en", true);
        return new LocalizedName(zh, en);
    }

    private Integer year(String file, JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isInt() || n.intValue() < 1949 || n.intValue() > 2200) {
            error(file, field, n == null ? "is required: a year such as 2020" : "'" + n.asText() + "' is not a year such as 2020");
            return null;
        }
        return n.intValue();
    }

    private <E extends Enum<E>> E enumValue(String file, JsonNode root, String prefix, String field, Class<E> type) {
        String value = text(file, root, prefix, field, true);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            error(file, prefix + field, "'" + value + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    private String text(String file, JsonNode root, String field, boolean required) {
        return text(file, root, "", field, required);
    }

    private String text(String file, JsonNode root, String prefix, String field, boolean required) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                error(file, prefix + field, "is required");
            }
            return null;
        }
        if (!n.isValueNode() || n.asText().isBlank()) {
            error(file, prefix + field, "must be non-empty text");
            return null;
        }
        return n.asText().trim();
    }

    private void error(String file, String field, String message) {
        errors.add(new ConfigError(file, field, message));
    }
}
