package org.educommons.ui.it;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The application in a real headless Chromium, with what a journey needs to act as a person would:
 * wait for what shows, click it once it is in view, type, pick from Vaadin's selects, sign in.
 */
final class Screen implements AutoCloseable {

    static final String DEMO_PASSWORD = "educommons-demo";

    final ChromeDriver browser;
    final WebDriverWait wait;
    private final URL base;

    private Screen(URL base, int width, int height) throws Exception {
        this.base = base;
        this.browser = Browser.start(width, height);
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class); // Vaadin re-renders what a server round trip changed
    }

    /** A desktop-sized window. */
    static Screen open(URL base) throws Exception {
        return new Screen(base, 1400, 1000);
    }

    /** A window of {@code width} × {@code height} CSS pixels (390 × 844: a phone). */
    static Screen open(URL base, int width, int height) throws Exception {
        return new Screen(base, width, height);
    }

    /** Loads a page of the application, {@code path} relative to its root. */
    void go(String path) {
        browser.get(base + path);
    }

    WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Clicks {@code element} once it is scrolled to the middle of the window and clickable. */
    void click(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    void click(String css) {
        click(visible(css));
    }

    /** Types into the field {@code css} (for Vaadin fields: their {@code input} or {@code textarea}). */
    void type(String css, String text) {
        // scrolled to first: a field scrolled out of the layout's scrolling area does not count as visible
        WebElement field = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", field);
        wait.until(ExpectedConditions.visibilityOf(field)).sendKeys(text);
    }

    /** Sets a Vaadin field's value (dates, times) as a user's typing would, through the component's own property. */
    void setValue(String css, String value) {
        browser.executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new CustomEvent('change', {bubbles: true}));", visible(css), value);
    }

    /** Opens the Vaadin select {@code css} and picks the option that starts with {@code text}. */
    void choose(String css, String text) {
        click(visible(css));
        WebElement option = wait.until(d -> d.findElements(
                        By.xpath("//vaadin-select-item[starts-with(normalize-space(.), '" + text + "')]"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        option.click();
        wait.until(ExpectedConditions.invisibilityOf(option));
    }

    /** Types {@code text} into the multi-select combo box {@code css} and picks the item that contains it. */
    void pick(String css, String text) {
        WebElement input = visible(css + " input");
        input.sendKeys(text);
        wait.until(d -> d.findElements(By.xpath("//vaadin-multi-select-combo-box-item[contains(., '" + text + "')]"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null)).click();
        input.sendKeys(org.openqa.selenium.Keys.ESCAPE);
    }

    /** The notification that says {@code text}, once it shows. */
    WebElement notification(String text) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-notification-card[contains(., '" + text + "')]")));
    }

    /** Signs in on the login form now shown, with the demo password. */
    void signIn(String username) {
        signIn(username, DEMO_PASSWORD);
    }

    void signIn(String username, String password) {
        // an earlier message may still cover the form for a few seconds
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.tagName("vaadin-notification-card")));
        visible("vaadin-login-form input[name='username']").sendKeys(username);
        browser.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(password);
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-user")));
    }

    /** Whether the page fits the window's width (nothing to scroll sideways). */
    boolean fitsTheWidth() {
        return (Boolean) browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth");
    }

    /** The errors the browser's console logged since this was last asked (failed loads, script errors). */
    java.util.List<String> consoleErrors() {
        return browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(entry -> entry.getMessage()).toList();
    }

    /** Keeps what the window shows as {@code target/screenshots/<name>.png}. */
    void screenshot(String name) throws Exception {
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        Files.write(shots.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        browser.quit();
    }
}
