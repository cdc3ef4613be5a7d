package cn.mee.liaison.bot.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium for the console's browser tests, started the way this machine needs it (no background
 * networking: the sandbox's closed network refuses it), and the console's login. A test that needs it is skipped
 * where chromium and chromium-driver are not installed (.ci/run installs them).
 */
public final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Duration WAIT = Duration.ofSeconds(20);

    private HeadlessChromium() {
    }

    /** A fresh browser with an empty profile; skips the test where there is none. */
    public static WebDriver start() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        try {
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=zh-CN",
                    "--user-data-dir=" + Files.createTempDirectory("liaison-chromium"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    public static void quit(WebDriver browser) {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Logs in afresh as the administrator; {@code url} turns a path into the running bot's address. */
    public static WebDriverWait logInAsAdmin(WebDriver browser, UnaryOperator<String> url) {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        browser.manage().deleteAllCookies();
        browser.get(url.apply("/login"));
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(RunningBot.ADMIN_PASSWORD);
        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.titleContains("概览"));
        return wait;
    }

    /** Loads the demo organisation from the directory page (again: importing it twice changes nothing). */
    public static void loadDemo(WebDriver browser, WebDriverWait wait, UnaryOperator<String> url) {
        browser.get(url.apply("/directory"));
        browser.findElement(By.id("load-demo")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "演示组织已载入"));
    }
}
