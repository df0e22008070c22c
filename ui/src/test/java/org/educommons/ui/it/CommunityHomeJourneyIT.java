package org.educommons.ui.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A newcomer's first minute, in a real headless Chromium: the community home, signing in as
 * 泸州's administrator, the eleven members with the seven who joined on 2023-02-20, then English.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CommunityHomeJourneyIT {

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Screen screen;

    @BeforeEach
    void openBrowser() throws Exception {
        screen = Screen.open(base);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (screen != null) {
            screen.screenshot("community-home-last");
            screen.close();
        }
    }

    private List<String> gridTexts() {
        return screen.browser.findElements(By.cssSelector("#members vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).toList();
    }

    @Test
    void signInSeeTheElevenMembersSwitchToEnglishAndSignOut() throws Exception {
        screen.go("communities/chuannan-yuxi");
        assertThat(screen.visible("#community-name").getText()).isEqualTo("川南渝西教育共同体");
        assertThat(screen.visible("#member-count").getText()).isEqualTo("共 11 个成员单位，其中创始成员 4 个");

        screen.visible("#login-button").click();
        screen.signIn("luzhou.admin");

        screen.go("communities/chuannan-yuxi");
        screen.visible("#members");
        screen.wait.until(d -> gridTexts().stream().filter(t -> t.contains("2023-02-20")).count() == 7);
        List<String> cells = gridTexts();
        assertThat(cells).filteredOn(t -> t.endsWith("教育和体育局") || t.endsWith("教育委员会") || t.endsWith("教育局")).hasSize(11);
        assertThat(cells).filteredOn(t -> t.contains("2023-02-20") && t.contains("第七次联席会")).hasSize(7);
        assertThat(screen.browser.findElements(By.cssSelector("#members .founding-member"))).hasSize(4);
        assertThat(screen.visible("#signed-in-user").getText()).contains("luzhou.admin");

        screen.visible("#language-switch").click();
        screen.wait.until(ExpectedConditions.textToBe(By.cssSelector("#member-count"), "11 members, 4 of them founding members"));
        assertThat(screen.visible("#community-name").getText()).isEqualTo("Southern Sichuan–Western Chongqing Education Community");
        assertThat(screen.visible("#signed-in-user").getText()).isEqualTo("Signed in: luzhou.admin");
        screen.wait.until(d -> d.findElements(By.cssSelector("#members .founding-member")).stream()
                .allMatch(badge -> badge.getText().equals("Founding member")));
        assertThat(screen.browser.findElements(By.cssSelector("#members .founding-member"))).hasSize(4);

        screen.visible("#logout-button").click();
        assertThat(screen.visible("#login-button").getText()).isEqualTo("Sign in");
        assertThat(screen.browser.findElements(By.id("signed-in-user"))).isEmpty();
    }

    private List<String> texts(String css) {
        return screen.browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    /** The page fits a phone's width and logged no error in the browser console. */
    private void fitsAndIsQuiet(String page) {
        assertThat(screen.fitsTheWidth()).as("%s: no sideways scrolling on a phone", page).isTrue();
        assertThat(screen.consoleErrors()).as("%s: browser console", page).isEmpty();
    }

    @Test
    void aVisitorOnAPhoneWalksTheTenantTreeFromAMemberUpToItsProvinceAndDownAgain() throws Exception {
        screen.close();
        screen = Screen.open(base, 390, 844);
        screen.go("communities/chuannan-yuxi");
        screen.wait.until(d -> texts("#members a.member-link").size() == 11);
        fitsAndIsQuiet("community home");
        screen.click(screen.browser.findElement(By.xpath("//a[contains(@class, 'member-link') and text() = '泸州市教育和体育局']")));

        screen.wait.until(ExpectedConditions.textToBe(By.id("tenant-name"), "泸州市教育和体育局"));
        assertThat(screen.browser.getCurrentUrl()).endsWith("/tenants/luzhou");
        assertThat(screen.visible("#tenant-kind").getText()).isEqualTo("市 · 四川省泸州市");
        assertThat(texts("#tenant-ancestors li")).containsExactly("四川省教育厅", "泸州市教育和体育局");
        assertThat(screen.visible("#tenant-ancestors").getAttribute("aria-label")).isEqualTo("单位层级");
        assertThat(texts("#tenant-children .ec-empty")).containsExactly("暂无下级单位。");
        assertThat(texts("#tenant-communities .ec-card-title")).containsExactly("川南渝西教育共同体", "测试联盟");
        fitsAndIsQuiet("泸州's page");

        screen.click("#tenant-ancestors a[data-tenant='sichuan']");
        screen.wait.until(ExpectedConditions.textToBe(By.id("tenant-name"), "四川省教育厅"));
        assertThat(texts("#tenant-ancestors li")).containsExactly("四川省教育厅");
        assertThat(texts("#tenant-children .tenant-child .ec-card-title"))
                .containsExactly("泸州市教育和体育局", "内江市教育和体育局", "宜宾市教育和体育局", "自贡市教育和体育局");
        assertThat(texts("#tenant-communities .ec-empty")).containsExactly("尚未加入任何共同体。");
        fitsAndIsQuiet("the province's page");
        screen.screenshot("tenant-province-phone");

        screen.click("#tenant-children a[data-tenant='zigong']");
        screen.wait.until(ExpectedConditions.textToBe(By.id("tenant-name"), "自贡市教育和体育局"));
        assertThat(texts("#tenant-ancestors a")).containsExactly("四川省教育厅");

        screen.visible("#language-switch").click();
        screen.wait.until(ExpectedConditions.textToBe(By.cssSelector("#tenant-children h3"), "Units below"));
        assertThat(screen.visible("#tenant-name").getText()).isEqualTo("Zigong Municipal Bureau of Education and Sports");
        assertThat(texts("#tenant-ancestors li")).containsExactly("Sichuan Provincial Department of Education",
                "Zigong Municipal Bureau of Education and Sports");
        assertThat(texts("#tenant-children .ec-empty")).containsExactly("No units below it yet.");
        assertThat(screen.visible("#tenant-kind").getText()).startsWith("City · ");
        fitsAndIsQuiet("自贡's page in English");

        screen.go("tenants/atlantis");
        assertThat(screen.visible("#error-home").getText()).isEqualTo("Back to the start page");
        assertThat(screen.visible(".ec-page p").getText()).contains("atlantis");
        assertThat(screen.browser.findElements(By.id("tenant-name"))).isEmpty();
    }

    @Test
    void aMemberReadsTheCombinedPlanTableOfTheCommunity() {
        screen.go("communities/chuannan-yuxi/plans/2023");
        screen.signIn("yongchuan.admin"); // the table is for members: the visitor is asked to sign in first

        screen.go("communities/chuannan-yuxi");
        // other tests may have published later years: pick 2023, the demo plan
        screen.wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[@id='plan-links']//a[contains(., '2023')]"))).click();
        assertThat(screen.visible("#plan-title").getText()).isEqualTo("川南渝西教育共同体 2023 年工作计划");
        assertThat(screen.visible("#plan-count").getText()).isEqualTo("共 16 项，来自 4 个成员单位");
        screen.wait.until(d -> d.findElements(By.cssSelector("#plan-items vaadin-grid-cell-content")).stream()
                .anyMatch(c -> c.getText().equals("组建教师教育课程资源库1.0")));
        assertThat(screen.browser.findElements(By.cssSelector("#plan-items vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).filter(t -> t.equals("举办川南渝西（泸永江荣）教育共同体高峰论坛")).count()).isOne();
        assertThat(screen.visible("#plan-download").getAttribute("href")).contains("VAADIN/dynamic/resource");
    }

    @Test
    void aWrongPasswordKeepsTheVisitorOnTheLoginFormWithAnError() {
        screen.go("login");
        screen.visible("vaadin-login-form input[name='username']").sendKeys("luzhou.admin");
        screen.browser.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys("wrong");
        screen.browser.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        screen.wait.until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return document.querySelector('vaadin-login-form').error")));
        assertThat(screen.browser.findElements(By.id("signed-in-user"))).isEmpty();
    }

    /** Every cell of the first sheet of a workbook, row by row. */
    private static List<List<String>> cells(byte[] xlsx) throws Exception {
        List<List<String>> rows = new java.util.ArrayList<>();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            for (var row : workbook.getSheetAt(0)) {
                List<String> cells = new java.util.ArrayList<>();
                row.forEach(c -> cells.add(new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(c)));
                rows.add(cells);
            }
        }
        return rows;
    }

    @Test
    void aMemberFiltersTheCombinedPlanTableKeepsTheFiltersInTheAddressAndDownloadsExactlyWhatIsShown() throws Exception {
        Api api = new Api(base);
        String token = api.tokenFor("yongchuan.admin");
        String table = "api/v1/communities/chuannan-yuxi/plans/2023";
        int luzhou = api.get(table + "/rows?member=luzhou&limit=200", Api.bearer(token)).json().get("items").size();
        JsonNode trainingOfLuzhou = api.get(table + "/rows?member=luzhou&category=TRAINING&limit=200", Api.bearer(token)).json().get("items");
        assertThat(luzhou).isGreaterThan(trainingOfLuzhou.size());
        assertThat(trainingOfLuzhou.size()).as("the demo plan has training items of 泸州").isPositive();

        screen.go("login");
        screen.signIn("yongchuan.admin");
        screen.go("communities/chuannan-yuxi/plans/2023");
        assertThat(screen.visible("#plan-count").getText()).isEqualTo("共 16 项，来自 4 个成员单位");

        WebElement member = screen.visible("#plan-filter-member input");
        member.sendKeys("泸州");
        screen.wait.until(d -> d.findElements(By.xpath("//vaadin-combo-box-item[contains(., '泸州市教育和体育局')]"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null)).click();
        screen.wait.until(ExpectedConditions.textToBe(By.id("plan-count"), "共 " + luzhou + " 项，来自 1 个成员单位"));
        screen.choose("#plan-filter-category", "培训");
        screen.wait.until(ExpectedConditions.textToBe(By.id("plan-count"), "共 " + trainingOfLuzhou.size() + " 项，来自 1 个成员单位"));
        screen.wait.until(d -> d.getCurrentUrl().contains("member=luzhou") && d.getCurrentUrl().contains("category=TRAINING"));
        String firstTitle = trainingOfLuzhou.get(0).get("item").get("title").asText();
        screen.wait.until(d -> gridCells("#plan-items").contains(firstTitle));
        assertThat(gridCells("#plan-items")).as("only 泸州's rows").filteredOn(t -> t.endsWith("教育委员会")).isEmpty();
        screen.screenshot("plan-table-filtered-desktop");

        // the spreadsheet is what the screen shows: the API's, with the same filters
        String href = screen.visible("#plan-download").getAttribute("href");
        String base64 = (String) screen.browser.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {
                  var s = ''; var a = new Uint8Array(b);
                  for (var i = 0; i < a.length; i++) s += String.fromCharCode(a[i]);
                  done(btoa(s));
                });""", href);
        List<List<String>> shown = cells(java.util.Base64.getDecoder().decode(base64));
        List<List<String>> fromApi = cells(api.get(table + "?format=xlsx&member=luzhou&category=TRAINING", Api.bearer(token)).bytes());
        assertThat(shown).isEqualTo(fromApi);
        assertThat(shown.stream().filter(r -> r.contains(firstTitle)).count()).isOne();

        // the address keeps the filters: reloading shows the same table
        screen.browser.navigate().refresh();
        screen.wait.until(ExpectedConditions.textToBe(By.id("plan-count"), "共 " + trainingOfLuzhou.size() + " 项，来自 1 个成员单位"));
        screen.click("#plan-filter-clear");
        screen.wait.until(ExpectedConditions.textToBe(By.id("plan-count"), "共 16 项，来自 4 个成员单位"));
    }

    private List<String> gridCells(String css) {
        return screen.browser.findElements(By.cssSelector(css + " vaadin-grid-cell-content")).stream().map(WebElement::getText).toList();
    }
}
