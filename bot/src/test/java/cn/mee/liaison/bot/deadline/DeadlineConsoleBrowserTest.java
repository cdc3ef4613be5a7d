package cn.mee.liaison.bot.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mee.liaison.bot.support.HeadlessChromium;
import cn.mee.liaison.bot.support.RunningBot;
import cn.mee.liaison.bot.support.TestOrganisation;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The deadline calendar in a real browser (Debian's headless Chromium, skipped without it): open the month, move to
 * the next, open a city's feedback deadline, mark it done, and see it turn green in the calendar. On the clock of
 * {@link DeadlinePagesTest} (and its running bot).
 */
@AutoConfigureMockMvc
@Import(DeadlinePagesTest.TestClock.class)
class DeadlineConsoleBrowserTest extends RunningBot {

    /** The colour of a done deadline in the calendar (deadlines.css, --dl-done-bg). */
    private static final String GREEN = "rgba(227, 242, 236, 1)";
    private static final String BLUE = "rgba(230, 239, 250, 1)";

    private static WebDriver browser;

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        HeadlessChromium.quit(browser);
    }

    @Test
    void aDeadlineOfNextMonthIsMarkedDoneAndTurnsGreen() {
        DeadlinePagesTest.CLOCK.set(LocalDateTime.of(2026, 12, 1, 10, 0));
        TestOrganisation org = new TestOrganisation(UUID.randomUUID().toString().substring(0, 8));
        assertThat(call("PUT", "/api/v1/directory", org.document()).status()).isEqualTo(200);

        WebDriverWait wait = HeadlessChromium.logInAsAdmin(browser, this::url);

        browser.findElement(By.linkText("截止事项")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("month-title"), "2026年12月"));
        browser.findElement(By.id("next-month")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("month-title"), "2027年1月"));

        // the first feedback meeting with the city, due 2 months after its round began on 11-01
        By feedback = By.xpath("//td[@data-date='2027-01-01']//a[contains(@class,'dl') and contains(., '"
                + org.cityA() + "正式情况反馈')]");
        WebElement entry = wait.until(ExpectedConditions.elementToBeClickable(feedback));
        String id = entry.getAttribute("data-id");
        assertThat(entry.getAttribute("class")).isEqualTo("dl upcoming");
        assertThat(entry.getCssValue("background-color")).isEqualTo(BLUE);
        entry.click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("title"), org.cityA() + "正式情况反馈"));
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("未到期");
        browser.findElement(By.cssSelector("#actions input[name=note]")).sendKeys("已与市委市政府召开反馈会");
        browser.findElement(By.cssSelector("#actions .mark-done")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "已标记完成"));
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("已完成");
        assertThat(browser.findElement(By.id("done")).getText()).contains("admin", "已与市委市政府召开反馈会");
        assertThat(browser.findElements(By.cssSelector("#actions .mark-done"))).isEmpty();

        browser.findElement(By.id("back-to-month")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("month-title"), "2027年1月"));
        WebElement done = browser.findElement(By.cssSelector("a.dl[data-id='" + id + "']"));
        assertThat(done.getAttribute("class")).isEqualTo("dl done");
        assertThat(done.getAttribute("data-status")).isEqualTo("DONE");
        assertThat(done.getCssValue("background-color")).as("green").isEqualTo(GREEN);
    }
}
