package cn.mee.liaison.bot.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mee.liaison.bot.support.HeadlessChromium;
import cn.mee.liaison.bot.support.RunningBot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The dispatch console in a real browser (Debian's headless Chromium, skipped without it): the demo organisation, a
 * report in a sandbox group, then the board — a date picked, a city filtered, a 催报 — and the statistics with their
 * ECharts charts drawn. Shares its running bot and clock with DispatchPagesTest.
 */
@AutoConfigureMockMvc
@Import(ConsoleClock.class)
class DispatchBrowserTest extends RunningBot {


    private static WebDriver browser;

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        HeadlessChromium.quit(browser);
    }

    /** Logs in as the administrator and loads the demo organisation. */
    private WebDriverWait loggedInWithDemo() {
        WebDriverWait wait = HeadlessChromium.logInAsAdmin(browser, this::url);
        HeadlessChromium.loadDemo(browser, wait, this::url);
        return wait;
    }

    private void say(String chatId, String userId, String text) {
        Answer answer = call("POST", "/api/v1/sandbox/messages", Map.of("chatId", chatId, "userId", userId,
                "text", text));
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    }

    /** Keeps a picture of the page for a person to look at (target/screenshots). */
    private static void picture(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void theBoardIsPickedByDateAndCityAndTheStatisticsAreCharted() throws Exception {
        ConsoleClock.CLOCK.set(LocalDateTime.of(2026, 11, 16, 9, 0));
        WebDriverWait wait = loggedInWithDemo();
        ConsoleClock.CLOCK.set(LocalDateTime.of(2026, 11, 16, 18, 10));
        say("bd-1", "bd-1-02", "日报 检查企业九家，发现问题2个，督办问题核查1件，明日计划：夜查涿州市工业园区");
        ConsoleClock.CLOCK.set(LocalDateTime.of(2026, 11, 16, 18, 20));
        say("bd-1", "bd-1-02", "日报 检查企业十家");
        ConsoleClock.CLOCK.set(LocalDateTime.of(2026, 11, 17, 10, 0));

        browser.findElement(By.id("nav-dispatch")).click();
        wait.until(ExpectedConditions.titleContains("每日调度"));
        WebElement date = browser.findElement(By.id("date"));
        assertThat(date.getAttribute("value")).as("today by the bot's clock").isEqualTo("2026-11-17");

        // pick the day before and a city
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].value = '2026-11-16'; arguments[0].dispatchEvent(new Event('change'));", date);
        new Select(browser.findElement(By.id("city"))).selectByVisibleText("保定市");
        browser.findElement(By.id("show")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("day"), "11月16日（周一）"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#board tbody tr"));
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.getAttribute("data-city")).isEqualTo("保定市"));
        WebElement reported = browser.findElement(By.cssSelector("#board tbody tr[data-chat='bd-1']"));
        assertThat(reported.getText()).contains("保定市第一组", "已报", "18:20", "夜查涿州市工业园区");
        // 历次报送 unfolds the replaced report, fetched when opened
        reported.findElement(By.cssSelector("details.history summary")).click();
        wait.until(ExpectedConditions.presenceOfNestedElementLocatedBy(reported, By.cssSelector("li.replaced")));
        assertThat(reported.findElement(By.cssSelector("li.replaced")).getText()).contains("18:10", "（已被替换）",
                "检查企业数 9");
        assertThat(reported.findElement(By.cssSelector("li.current")).getText()).contains("18:20", "检查企业数 10");
        assertThat(browser.findElement(By.id("count-expected")).getText()).isEqualTo(String.valueOf(rows.size()));
        assertThat(browser.findElement(By.id("count-on-time")).getText()).isEqualTo("1");
        picture("dispatch-board");

        // 催报 the others of the city, and stay on the same day and city
        browser.findElement(By.id("remind")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"),
                "已在群内提醒 " + (rows.size() - 1) + " 个尚未报送的工作组"));
        assertThat(browser.findElement(By.id("date")).getAttribute("value")).isEqualTo("2026-11-16");
        assertThat(new Select(browser.findElement(By.id("city"))).getFirstSelectedOption().getText())
                .isEqualTo("保定市");

        // the statistics: both charts drawn by ECharts, the rankings below
        browser.findElement(By.id("tab-stats")).click();
        wait.until(ExpectedConditions.titleContains("统计与排名"));
        new Select(browser.findElement(By.id("city"))).selectByVisibleText("保定市");
        WebElement unfiltered = browser.findElement(By.tagName("main"));
        browser.findElement(By.id("show")).click();
        wait.until(ExpectedConditions.stalenessOf(unfiltered));
        wait.until(ExpectedConditions.attributeToBe(By.tagName("main"), "data-drawn", "true"));
        assertThat(browser.getCurrentUrl()).contains("city=");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#completion-chart canvas, "
                + "#completion-chart svg")));
        assertThat(browser.findElements(By.cssSelector("#figures-chart canvas, #figures-chart svg"))).isNotEmpty();
        assertThat(browser.findElement(By.id("group-ranking")).getText()).contains("保定市第一组");
        new Select(browser.findElement(By.id("completion-by"))).selectByValue("byUnit");
        assertThat(browser.findElements(By.cssSelector("#completion-chart canvas"))).isNotEmpty();
        // the figures split by city too: one item at a time, a series per city
        assertThat(browser.findElement(By.id("figures-item")).isDisplayed()).isFalse();
        new Select(browser.findElement(By.id("figures-by"))).selectByValue("byCity");
        assertThat(browser.findElement(By.id("figures-item")).isDisplayed()).isTrue();
        Object series = ((JavascriptExecutor) browser).executeScript("return echarts.getInstanceByDom("
                + "document.getElementById('figures-chart')).getOption().series.map(s => s.name);");
        assertThat(series).asList().containsExactly("保定市");
        picture("dispatch-stats");

        // the calendar: a click on a day fills the form to change it
        browser.findElement(By.id("nav-calendar")).click();
        wait.until(ExpectedConditions.titleContains("工作日历"));
        assertThat(browser.findElement(By.cssSelector("#months td[data-date='2026-10-01']")).getAttribute("class"))
                .contains("holiday");
        browser.findElement(By.cssSelector("#months td[data-date='2026-11-20']")).click();
        assertThat(browser.findElement(By.id("cal-date")).getAttribute("value")).isEqualTo("2026-11-20");
        assertThat(new Select(browser.findElement(By.id("cal-kind"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("HOLIDAY");
        browser.findElement(By.cssSelector("#months td[data-date='2026-10-10']")).click();
        assertThat(new Select(browser.findElement(By.id("cal-kind"))).getFirstSelectedOption().getAttribute("value"))
                .as("a make-up working day is offered to be cleared").isEqualTo("CLEAR");
        picture("calendar");
        browser.get(url("/dispatch/plans"));
        assertThat(browser.findElement(By.id("new-plan")).getText()).contains("新建方案");
        picture("dispatch-plans");
    }
}
