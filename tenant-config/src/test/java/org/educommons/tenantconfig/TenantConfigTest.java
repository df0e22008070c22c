package org.educommons.tenantconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.educommons.platform.database.DatabaseSettings;
import org.educommons.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TenantConfigTest {

    @TempDir
    Path dir;

    DatabaseSettings db;

    @BeforeEach
    void copyOfTheDemoSetAndAFreshDatabase() throws IOException {
        for (ConfigFiles.ConfigFile f : demo()) {
            Path target = dir.resolve(f.name().substring(f.name().indexOf(f.kind().folder + "/")));
            Files.createDirectories(target.getParent());
            Files.writeString(target, f.text(), StandardCharsets.UTF_8);
        }
        db = TestDatabase.migrated("config");
    }

    private static List<ConfigFiles.ConfigFile> demo() {
        return ConfigFiles.onClasspath(ConfigFiles.DEMO, TenantConfigTest.class.getClassLoader());
    }

    private static java.util.Set<String> demoTenants() {
        java.util.Set<String> slugs = new java.util.HashSet<>();
        ConfigReader.read(demo()).tenants().forEach(t -> slugs.add(t.slug()));
        return slugs;
    }

    @Test
    void demoAccountsAreMadeForTheDemoTenantsOnlyAndNeverOverAPendingInvitation() throws Exception {
        Path later = Files.createTempDirectory("later-tenant");
        Files.createDirectories(later.resolve("tenants"));
        Files.writeString(later.resolve("tenants/luxian.yaml"), """
                slug: luxian
                name: {zh: 泸县教育和体育局, en: Luxian County Bureau of Education and Sports}
                kind: DISTRICT
                region: 四川省泸州市泸县
                admin: {username: luxian.admin, displayName: 泸县管理员, email: admin@luxian.example.cn}
                """, StandardCharsets.UTF_8);
        List<ConfigFiles.ConfigFile> files = new ArrayList<>(demo());
        files.addAll(ConfigFiles.inDirectory(later));
        apply(files);
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement()) {
            // 永川's administrator was invited before demo accounts were made: the invitation stands
            s.executeUpdate("""
                    insert into account_invitation (tenant_id, token_hash, account_id, expires_at)
                    select tenant_id, 'pending-invitation', id, now() + interval '14 days' from account
                     where username = 'yongchuan.admin'""");
            assertThat(org.educommons.identity.DemoAccounts.seed(owner, demoTenants(), password -> "demo-hash")).isPositive();
        }
        assertThat(rows("select username, coalesce(password_hash, '-') from account where username like 'luxian.%' order by username"))
                .as("a tenant added later gets no demo accounts and no demo password").containsExactly("luxian.admin|-");
        assertThat(rows("select coalesce(password_hash, '-') from account where username = 'yongchuan.admin'"))
                .as("an invited administrator keeps waiting for their own password").containsExactly("-");
        assertThat(rows("select username, password_hash from account where username in ('luzhou.admin', 'zigong.principal3') order by 1"))
                .containsExactly("luzhou.admin|demo-hash", "zigong.principal3|demo-hash");
    }

    @Test
    void aStartWithTheConfigurationLastAppliedHasNothingToDoAndAnyChangeIsAppliedAgain() throws Exception {
        List<ConfigFiles.ConfigFile> files = new ArrayList<>(demo());
        try (Connection owner = TestDatabase.owner(db)) {
            assertThat(TenantConfigStartup.applyIfChanged(files, demo(), owner, p -> "demo-hash")).as("first start").isTrue();
        }
        assertThat(rows("select count(*) from account where password_hash = 'demo-hash'")).as("demo accounts made")
                .doesNotContain("0");
        // what a start skips is really not applied: a name changed by hand stays until the files change
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement()) {
            s.executeUpdate("update tenant set name_en = 'changed by hand' where slug = 'luzhou'");
            assertThat(TenantConfigStartup.applyIfChanged(files, demo(), owner, p -> "demo-hash")).as("same files").isFalse();
            assertThat(TenantConfigStartup.applyIfChanged(files, null, owner, p -> "demo-hash")).as("demo mode off").isTrue();
        }
        assertThat(rows("select name_en from tenant where slug = 'luzhou'")).doesNotContain("changed by hand");

        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement()) {
            s.executeUpdate("update tenant set name_en = 'changed by hand' where slug = 'luzhou'");
            assertThat(TenantConfigStartup.applyIfChanged(files, null, owner, p -> "demo-hash")).as("nothing new").isFalse();
            files.add(new ConfigFiles.ConfigFile(ConfigFiles.Kind.TENANT, "later/tenants/luxian.yaml", """
                    slug: luxian
                    name: {zh: 泸县教育和体育局, en: Luxian County Bureau of Education and Sports}
                    kind: DISTRICT
                    region: 四川省泸州市泸县
                    admin: {username: luxian.admin, displayName: 泸县管理员, email: admin@luxian.example.cn}
                    """));
            assertThat(TenantConfigStartup.applyIfChanged(files, null, owner, p -> "demo-hash")).as("a file added").isTrue();
            // a migration changes the schema's history: the configuration is applied to the new schema
            s.executeUpdate("update tenant set name_en = 'changed by hand' where slug = 'luzhou'");
            s.executeUpdate("update flyway_schema_history set checksum = coalesce(checksum, 0) + 1 where installed_rank = 1");
            assertThat(TenantConfigStartup.applyIfChanged(files, null, owner, p -> "demo-hash")).as("schema changed").isTrue();
        }
        assertThat(rows("select name_en from tenant where slug in ('luzhou', 'luxian') order by slug"))
                .containsExactly("Luxian County Bureau of Education and Sports", "Luzhou Municipal Bureau of Education and Sports");
    }

    private ConfigApplier.Report apply(List<ConfigFiles.ConfigFile> files) throws SQLException {
        try (Connection owner = TestDatabase.owner(db)) {
            return ConfigApplier.apply(ConfigReader.read(files), owner);
        }
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = TestDatabase.owner(db); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(r.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private List<String> snapshot() throws SQLException {
        List<String> all = new ArrayList<>();
        all.addAll(rows("select * from tenant order by id"));
        all.addAll(rows("select * from community order by id"));
        all.addAll(rows("select * from community_membership order by tenant_id, community_id"));
        all.addAll(rows("select * from account order by tenant_id, id"));
        return all;
    }

    @Test
    void theDemoCommunityAppliesWithItsElevenMembersInRosterOrder() throws SQLException {
        ConfigApplier.Report report = apply(demo());

        assertThat(report).isEqualTo(new ConfigApplier.Report(13, 1, 11, 13));
        assertThat(rows("""
                select t.slug, m.role, coalesce(m.joined_on::text, m.joined_year::text)
                  from community_membership m join tenant t on t.id = m.tenant_id
                 order by m.roster_position""")).containsExactly(
                "luzhou|FOUNDING_MEMBER|2020", "yongchuan|FOUNDING_MEMBER|2020", "jiangjin|FOUNDING_MEMBER|2020",
                "rongchang|FOUNDING_MEMBER|2020", "zigong|MEMBER|2023-02-20", "neijiang|MEMBER|2023-02-20",
                "yibin|MEMBER|2023-02-20", "qijiang|MEMBER|2023-02-20", "dazu|MEMBER|2023-02-20",
                "tongliang|MEMBER|2023-02-20", "wansheng|MEMBER|2023-02-20");
        assertThat(rows("select name_zh from community")).containsExactly("川南渝西教育共同体");
        assertThat(rows("select username, roles, password_hash is null from account where username = 'luzhou.admin'"))
                .containsExactly("luzhou.admin|TENANT_ADMIN|t");
    }

    @Test
    void theDemoPlansOf2023ArePublishedOnceAndNeverOverwritten() throws SQLException {
        apply(demo());
        try (Connection owner = TestDatabase.owner(db)) {
            assertThat(DemoPlans.apply(demo(), owner)).isEqualTo(16);
            assertThat(DemoPlans.apply(demo(), owner)).isZero();
        }
        assertThat(rows("""
                select t.slug, count(*), count(i.published_at) from plan_item i join tenant t on t.id = i.tenant_id
                 where i.year = 2023 group by t.slug order by t.slug"""))
                .containsExactly("jiangjin|3|3", "luzhou|5|5", "rongchang|4|4", "yongchuan|4|4");
        assertThat(rows("""
                select string_agg(co.slug, ',' order by co.slug) from plan_item i
                  join plan_item_co_organiser c on c.tenant_id = i.tenant_id and c.item_id = i.id
                  join tenant co on co.id = c.co_organiser_id
                 where i.title = '举办乡村教育振兴校长论坛' or i.title like '开展泸永江荣%' group by i.id"""))
                .containsExactly("jiangjin,rongchang,yongchuan");
    }

    @Test
    void theDemoForumIsCreatedOnceWithItsRegistrations() throws SQLException {
        apply(demo());
        try (Connection owner = TestDatabase.owner(db)) {
            org.educommons.identity.DemoAccounts.seed(owner, demoTenants(), password -> "not-a-real-hash");
            DemoPlans.apply(demo(), owner);
            assertThat(DemoForums.apply(demo(), owner)).isOne();
            assertThat(DemoForums.apply(demo(), owner)).isZero();
        }
        assertThat(rows("""
                select f.title, (select i.title from plan_item i where i.id = f.plan_item_id), f.capacity,
                       f.starts_at > now(), f.registration_opens_at < now(),
                       (select count(*) from forum_quota q where q.forum_id = f.id),
                       (select string_agg(r.person_username || ':' || r.status, ',' order by r.id)
                          from forum_registration r where r.forum_id = f.id)
                  from forum f"""))
                .containsExactly("乡村教育振兴校长论坛|举办乡村教育振兴校长论坛|60|t|t|4|luzhou.principal1:CONFIRMED,luzhou.principal2:CONFIRMED,"
                        + "yongchuan.principal1:CONFIRMED,zigong.principal1:CONFIRMED,rongchang.principal3:CONFIRMED");
        assertThat(rows("""
                select s.kind, s.title, s.capacity, s.starts_at - f.starts_at, s.ends_at - s.starts_at
                  from forum_session s join forum f on f.id = s.forum_id order by s.starts_at, s.id"""))
                .hasSize(5)
                .startsWith("KEYNOTE|乡村教育振兴与校长领导力|null|00:00:00|01:00:00")
                .endsWith("BREAKOUT|第三组：“五育融合”与学校治理|20|03:00:00|02:00:00");
        assertThat(rows("""
                select to_char(f.starts_at at time zone 'Asia/Shanghai', 'HH24:MI'),
                       to_char(f.ends_at at time zone 'Asia/Shanghai', 'HH24:MI'),
                       (f.starts_at at time zone 'Asia/Shanghai')::date - (now() at time zone 'Asia/Shanghai')::date
                  from forum f"""))
                .as("in the morning, Beijing time, 30 days ahead, for 8 hours").containsExactly("09:00|17:00|30");
    }

    @Test
    void theDemoActivitiesAreCreatedOnceWithOrganisersSchoolsPlanItemsAndPairs() throws SQLException {
        apply(demo());
        try (Connection owner = TestDatabase.owner(db)) {
            org.educommons.identity.DemoAccounts.seed(owner, demoTenants(), password -> "not-a-real-hash");
            DemoPlans.apply(demo(), owner);
            assertThat(DemoActivities.apply(demo(), owner)).isEqualTo(2);
            assertThat(DemoActivities.apply(demo(), owner)).isZero();
        }
        assertThat(rows("""
                select a.title, a.type, a.status, a.confirmed_at is not null,
                       (select string_agg(t.slug || ':' || o.response, ',' order by t.slug) from activity_organiser o
                          join tenant t on t.id = o.organiser_tenant_id where o.activity_id = a.id),
                       (select string_agg(i.title, ',') from activity_plan_item x join plan_item i on i.id = x.item_id
                         where x.activity_id = a.id),
                       (select count(*) from activity_school s where s.activity_id = a.id)
                  from activity a order by a.id"""))
                .containsExactly(
                        "泸永荣结对学校校校合作（2023—2027）|SCHOOL_PAIRING|CONFIRMED|t|luzhou:CONFIRMED,rongchang:CONFIRMED,"
                                + "yongchuan:CONFIRMED|开展泸永江荣结对学校研讨校校合作机制|4",
                        "乡村教育专家送教送培进自贡|TRAINING_SENT|PROPOSED|f|luzhou:CONFIRMED,zigong:PENDING|乡村教育专家培养对象培训|2");
        assertThat(rows("""
                select ss.name_zh, sd.name_zh, p.starts_on, p.ends_on from activity_pairing p
                  join school ss on ss.id = p.supporting_school_id join school sd on sd.id = p.supported_school_id
                 order by p.id"""))
                .containsExactly("四川省泸州市第一实验学校|重庆市荣昌区第二实验学校|2023-03-01|2027-07-31",
                        "重庆市永川区第一实验学校|四川省泸州市第三实验学校|2023-09-01|2027-07-31");
    }

    @Test
    void applyingTwiceChangesNothing() throws SQLException {
        apply(demo());
        List<String> before = snapshot();

        ConfigApplier.Report second = apply(demo());

        assertThat(second.total()).isZero();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aChangedFileUpdatesOnlyWhatChanged() throws Exception {
        apply(ConfigFiles.inDirectory(dir));
        edit("tenants/zigong.yaml", "region: 四川省自贡市", "region: 四川省 自贡市");

        ConfigApplier.Report report = apply(ConfigFiles.inDirectory(dir));

        assertThat(report).isEqualTo(new ConfigApplier.Report(1, 0, 0, 0));
        assertThat(rows("select region from tenant where slug = 'zigong'")).containsExactly("四川省 自贡市");
    }

    @Test
    void addingATenantFileOnboardsTheTenantOnTheNextApply() throws Exception {
        apply(ConfigFiles.inDirectory(dir));
        Files.writeString(dir.resolve("tenants/luxian.yaml"), """
                slug: luxian
                name: {zh: 泸县教育和体育局, en: Luxian County Bureau of Education and Sports}
                kind: DISTRICT
                region: 四川省泸州市泸县
                admin: {username: luxian.admin, displayName: 泸县管理员, email: admin@luxian.example.cn}
                """);
        Files.writeString(dir.resolve("communities/chuannan-yuxi.yaml"),
                Files.readString(dir.resolve("communities/chuannan-yuxi.yaml")) + """
                  - tenant: luxian
                    role: MEMBER
                    joined: 2026-11-20
                    meeting: 第十一次联席会
                """);

        ConfigApplier.Report report = apply(ConfigFiles.inDirectory(dir));

        assertThat(report).isEqualTo(new ConfigApplier.Report(1, 0, 1, 1));
        assertThat(rows("""
                select t.slug, m.joined_on, m.joined_at_meeting, m.roster_position
                  from community_membership m join tenant t on t.id = m.tenant_id where t.slug = 'luxian'"""))
                .containsExactly("luxian|2026-11-20|第十一次联席会|12");
    }

    @Test
    void aTenantWrittenBackByAJoinApprovalIsReadAndAppliedAfterTheRoster() throws Exception {
        Path written = TenantConfigWriter.write(dir, new org.educommons.membership.TenantProvisioned("luxian", "泸县教育和体育局",
                "Luxian County Bureau of Education and Sports", "DISTRICT", "四川省泸州市泸县", "luzhou", "chuannan-yuxi",
                java.time.LocalDate.of(2026, 11, 20), "第十一次联席会", "luxian.admin", "张老师", "zhang@luxian.example.cn"));
        assertThat(written).isEqualTo(dir.resolve("tenants/luxian.yaml"));

        ConfigApplier.Report report = apply(ConfigFiles.inDirectory(dir));

        assertThat(report.memberships()).isEqualTo(12);
        assertThat(rows("""
                select t.slug, t.name_zh, m.role, m.joined_on, m.joined_at_meeting, m.roster_position
                  from community_membership m join tenant t on t.id = m.tenant_id where t.slug = 'luxian'"""))
                .containsExactly("luxian|泸县教育和体育局|MEMBER|2026-11-20|第十一次联席会|12");
        assertThat(Files.readString(written)).contains("parent: luzhou");
        assertThat(rows("""
                select a.slug || ':' || x.depth from tenant_ancestry x join tenant a on a.id = x.ancestor_id
                 where x.descendant_id = (select id from tenant where slug = 'luxian') order by x.depth"""))
                .as("placed under the city it named").containsExactly("luzhou:1", "sichuan:2");
        assertThat(apply(ConfigFiles.inDirectory(dir)).total()).isZero();
    }

    static Stream<Arguments> invalidFiles() {
        return Stream.of(
                Arguments.of("tenants/dazu.yaml", "kind: DISTRICT", "kind: [unclosed", "tenants/dazu.yaml", "", "is not valid YAML (line"),
                Arguments.of("tenants/dazu.yaml", "  en: Dazu District Education Commission, Chongqing\n", "", "tenants/dazu.yaml", "name.en", "is required"),
                Arguments.of("tenants/dazu.yaml", "kind: DISTRICT", "kind: COUNTY_TOWN", "tenants/dazu.yaml", "kind", "'COUNTY_TOWN' is not one of"),
                Arguments.of("tenants/dazu.yaml", "region:", "regoin:", "tenants/dazu.yaml", "regoin", "is not a known field"),
                Arguments.of("tenants/dazu.yaml", "slug: dazu", "slug: Dazu_District", "tenants/dazu.yaml", "slug", "must be 2-63 lower-case"),
                Arguments.of("tenants/dazu.yaml", "slug: dazu", "slug: dazu-qu", "tenants/dazu.yaml", "slug", "differs from the file name"),
                Arguments.of("tenants/dazu.yaml", "username: dazu.admin", "username: luzhou.admin", "tenants/", "admin.username", "is already used in"),
                Arguments.of("tenants/dazu.yaml", "email: dazu.admin@demo.educommons.invalid", "email: not-an-address", "tenants/dazu.yaml", "admin.email", "is not an e-mail address"),
                Arguments.of("tenants/dazu.yaml", "parent: chongqing", "parent: chengdu", "tenants/dazu.yaml", "parent", "names no defined tenant: 'chengdu'"),
                Arguments.of("tenants/dazu.yaml", "kind: DISTRICT\nparent: chongqing", "kind: CITY\nparent: yongchuan", "tenants/dazu.yaml", "parent",
                        "a CITY cannot be placed under 'yongchuan', a DISTRICT"),
                Arguments.of("tenants/dazu.yaml", "parent: chongqing", "parent: yongchuan", "tenants/dazu.yaml", "parent",
                        "a DISTRICT cannot be placed under 'yongchuan', a DISTRICT"),
                Arguments.of("communities/chuannan-yuxi.yaml", "tenant: wansheng", "tenant: wanzhou", "communities/chuannan-yuxi.yaml", "members[10].tenant", "names no defined tenant: 'wanzhou'"),
                Arguments.of("communities/chuannan-yuxi.yaml", "tenant: wansheng", "tenant: dazu", "communities/chuannan-yuxi.yaml", "members[10].tenant", "'dazu' is listed twice"),
                Arguments.of("communities/chuannan-yuxi.yaml", "joined: 2020\n    secretariat: true", "joined: 2019\n    secretariat: true", "communities/chuannan-yuxi.yaml", "members[0].joined", "before the community was founded"),
                Arguments.of("communities/chuannan-yuxi.yaml", "    role: MEMBER\n    joined: 2023-02-20\n    meeting: 第七次联席会\n  - tenant: neijiang", "    role: MEMBER\n    joined: 2023-02-30\n    meeting: 第七次联席会\n  - tenant: neijiang", "communities/chuannan-yuxi.yaml", "members[4].joined", "'2023-02-30' is neither a year nor a date"),
                Arguments.of("communities/chuannan-yuxi.yaml", "role: MEMBER", "role: OBSERVER", "communities/chuannan-yuxi.yaml", "members[4].role", "'OBSERVER' is not one of"),
                Arguments.of("communities/chuannan-yuxi.yaml", "foundedIn: 2020", "foundedIn: twenty", "communities/chuannan-yuxi.yaml", "foundedIn", "is not a year"),
                Arguments.of("tenants/dazu.yaml", "kind: DISTRICT", "kind: DISTRICT\ncommunities: [{community: chuannan-yuxi, role: MEMBER, joined: 2023-02-20}]",
                        "tenants/dazu.yaml", "communities[0].community", "is already in the roster of chuannan-yuxi"),
                Arguments.of("tenants/dazu.yaml", "kind: DISTRICT", "kind: DISTRICT\ncommunities: [{community: chengyu, role: MEMBER, joined: 2024}]",
                        "tenants/dazu.yaml", "communities[0].community", "names no defined community: 'chengyu'"));
    }

    @ParameterizedTest(name = "{4}: {5}")
    @MethodSource("invalidFiles")
    void anInvalidFileIsRefusedWithFileFieldAndReasonAndNothingIsApplied(String file, String from, String to,
            String reportedFile, String field, String message) throws Exception {
        edit(file, from, to);

        assertThatThrownBy(() -> apply(ConfigFiles.inDirectory(dir)))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.errors())
                        .anySatisfy(err -> {
                            assertThat(err.file()).contains(reportedFile);
                            assertThat(err.field()).isEqualTo(field);
                            assertThat(err.message()).contains(message);
                        }));
        assertThat(rows("select slug from tenant")).isEmpty();
    }

    @Test
    void theDemoTreeAppliesWithItsAncestryAndACycleIsRefusedAtEachOfItsMembers() throws Exception {
        edit("tenants/yongchuan.yaml", "kind: DISTRICT\nparent: chongqing", "kind: OTHER\nparent: luzhou");
        apply(ConfigFiles.inDirectory(dir));
        assertThat(rows("""
                select d.slug || '<' || a.slug || ':' || x.depth from tenant_ancestry x
                  join tenant d on d.id = x.descendant_id join tenant a on a.id = x.ancestor_id
                 where d.slug in ('luzhou', 'yongchuan', 'dazu') order by 1"""))
                .containsExactly("dazu<chongqing:1", "luzhou<sichuan:1", "yongchuan<luzhou:1", "yongchuan<sichuan:2");

        edit("tenants/sichuan.yaml", "kind: PROVINCE", "kind: OTHER\nparent: yongchuan");
        assertThatThrownBy(() -> apply(ConfigFiles.inDirectory(dir)))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.errors())
                        .filteredOn(err -> err.message().contains("makes a cycle"))
                        .extracting(ConfigError::file)
                        .hasSize(3)
                        .anySatisfy(f -> assertThat(f).contains("sichuan.yaml"))
                        .anySatisfy(f -> assertThat(f).contains("luzhou.yaml"))
                        .anySatisfy(f -> assertThat(f).contains("yongchuan.yaml")));
        assertThat(rows("select count(*) from tenant_ancestry where descendant_id = (select id from tenant where slug = 'sichuan')"))
                .as("the refused files changed nothing").containsExactly("0");
    }

    @Test
    void aFailureHalfWayThroughApplyingLeavesNothingApplied() throws Exception {
        // a fault in the last step: the database refuses the first community membership
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement()) {
            s.execute("""
                    create function test_refuse_membership() returns trigger language plpgsql as $$
                    begin raise exception 'injected fault'; end $$""");
            s.execute("""
                    create trigger test_refuse_membership before insert on community_membership
                       for each row execute function test_refuse_membership()""");
        }

        assertThatThrownBy(() -> apply(ConfigFiles.inDirectory(dir))).hasMessageContaining("injected fault");

        assertThat(rows("select count(*) from tenant")).as("the tenants written before the fault").containsExactly("0");
        assertThat(rows("select count(*) from community")).containsExactly("0");
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement()) {
            s.execute("drop trigger test_refuse_membership on community_membership");
        }
        apply(ConfigFiles.inDirectory(dir));
        assertThat(rows("select count(*) from tenant")).as("the same files apply once the fault is gone").containsExactly("13");
    }

    @Test
    void severalErrorsInSeveralFilesAreReportedAtOnce() throws Exception {
        edit("tenants/dazu.yaml", "kind: DISTRICT", "kind: TOWN");
        edit("tenants/yibin.yaml", "region: 四川省宜宾市\n", "");
        edit("communities/chuannan-yuxi.yaml", "tenant: wansheng", "tenant: wanzhou");

        assertThatThrownBy(() -> apply(ConfigFiles.inDirectory(dir)))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.errors())
                        .extracting(err -> err.file().substring(err.file().lastIndexOf('/') + 1) + ":" + err.field())
                        .containsExactlyInAnyOrder("dazu.yaml:kind", "yibin.yaml:region", "chuannan-yuxi.yaml:members[10].tenant"))
                .hasMessageContaining("3 errors");
    }

    private void edit(String file, String from, String to) throws IOException {
        Path p = dir.resolve(file);
        String text = Files.readString(p);
        assertThat(text).as("test set-up: %s contains %s", file, from).contains(from);
        Files.writeString(p, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    }
}
