package org.educommons.ui.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.educommons.testing.TestDatabase;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Attempts to cross from one tenant into another through the API, on a real server: by id, by
 * headers and parameters a client controls, and after the other tenant's rows were just read.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TenantIsolationIT {

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Api api;
    String luzhou;
    String yongchuan;

    @BeforeEach
    void signInTwoTenantsAdmins() {
        api = new Api(base);
        luzhou = api.tokenFor("luzhou.admin");
        yongchuan = api.tokenFor("yongchuan.admin");
    }

    private static List<String> usernames(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(a -> names.add(a.get("username").asText()));
        return names;
    }

    @Test
    void anAdminListsOnlyTheirOwnTenantsAccounts() {
        assertThat(usernames(api.get("api/v1/accounts", Api.bearer(luzhou)).json()))
                .containsExactly("luzhou.admin", "luzhou.principal1", "luzhou.principal2", "luzhou.principal3",
                        "secretariat"); // 泸州 runs the community's secretariat
        assertThat(usernames(api.get("api/v1/accounts", Api.bearer(yongchuan)).json()))
                .containsExactly("yongchuan.admin", "yongchuan.principal1", "yongchuan.principal2", "yongchuan.principal3");
    }

    @Test
    void aProvinceReadsWhatItsCitiesPublishedButChangesNothingAndAnotherProvinceReadsNothing() {
        JsonNode published = null;
        for (JsonNode item : api.get("api/v1/communities/chuannan-yuxi/plans/2023/items?limit=100", Api.bearer(luzhou))
                .json().get("items")) {
            if (item.get("published").asBoolean()) {
                published = item;
                break;
            }
        }
        assertThat(published).as("a published item of 泸州's 2023 plan").isNotNull();
        String item = "api/v1/plan-items/" + published.get("id").asLong();
        String sichuan = api.tokenFor("sichuan.admin");
        String chongqing = api.tokenFor("chongqing.admin");

        Api.Reply above = api.get(item, Api.bearer(sichuan));
        assertThat(above.status()).as("泸州's province, though no member of the community").isEqualTo(200);
        assertThat(above.json().get("title").asText()).isEqualTo(published.get("title").asText());
        assertThat(above.json().get("tenant").asText()).isEqualTo("luzhou");

        Api.Reply otherBranch = api.get(item, Api.bearer(chongqing));
        assertThat(otherBranch.status()).as("the other province").isEqualTo(404);
        assertThat(otherBranch.body()).doesNotContain(published.get("title").asText());

        Api.Reply takeover = api.patch(item, "{\"title\":\"taken over\"}", Api.bearer(sichuan, "If-Match",
                "\"" + published.get("version").asInt() + "\""));
        assertThat(takeover.status()).as("reading is all a province may do below it").isIn(403, 404);
        assertThat(api.get(item, Api.bearer(luzhou)).json().get("title").asText()).isEqualTo(published.get("title").asText());
    }

    @Test
    void anotherTenantsAccountDoesNotExistForTheCallerEvenRightAfterItsOwnerReadIt() {
        long luzhouAdminId = api.get("api/v1/me", Api.bearer(luzhou)).json().get("id").asLong();
        // the owner reads it first, so any shared cache would now hold it
        assertThat(api.get("api/v1/accounts/" + luzhouAdminId, Api.bearer(luzhou)).status()).isEqualTo(200);

        Api.Reply intruder = api.get("api/v1/accounts/" + luzhouAdminId, Api.bearer(yongchuan));

        assertThat(intruder.status()).isEqualTo(404);
        assertThat(intruder.body()).doesNotContain("luzhou");
    }

    @Test
    void theAccountsComeAPageAtATime() {
        JsonNode first = api.get("api/v1/accounts?limit=2", Api.bearer(luzhou)).json();
        assertThat(usernames(first)).containsExactly("luzhou.admin", "luzhou.principal1");
        JsonNode rest = api.get("api/v1/accounts?limit=10&cursor=" + first.get("nextCursor").asText(), Api.bearer(luzhou)).json();
        assertThat(usernames(rest)).containsExactly("luzhou.principal2", "luzhou.principal3", "secretariat");
        assertThat(rest.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void headersAndParametersCannotChooseTheTenant() {
        List<String> forged = usernames(api.get("api/v1/accounts?tenant=luzhou&tenantId=1", Api.bearer(yongchuan)[0],
                Api.bearer(yongchuan)[1], "X-Tenant", "luzhou", "X-Tenant-Id", "1").json());
        assertThat(forged).isNotEmpty().allMatch(name -> name.startsWith("yongchuan."));
    }

    @Test
    void anonymousCallersSeeNoAccountsAtAll() {
        assertThat(api.get("api/v1/accounts").status()).isEqualTo(401);
        assertThat(api.get("api/v1/accounts/1", "X-Tenant", "luzhou").status()).isEqualTo(401);
    }

    @Test
    void theApplicationReallyConnectsAsTheRestrictedRole() throws Exception {
        try (Connection c = TestDatabase.owner(TestServer.settings()); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("""
                     select count(*) from pg_stat_activity a join pg_roles r on r.rolname = a.usename
                      where a.datname = current_database() and a.usename = 'educommons_app'
                        and not r.rolsuper and not r.rolbypassrls""")) {
            r.next();
            assertThat(r.getInt(1)).as("pooled connections of the application role").isPositive();
        }
    }
}
