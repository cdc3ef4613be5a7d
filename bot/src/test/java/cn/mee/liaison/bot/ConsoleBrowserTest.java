package cn.mee.liaison.bot;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mee.liaison.bot.support.HeadlessChromium;
import cn.mee.liaison.bot.support.RunningBot;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser (Debian's headless Chromium): log in, load the demo organisation, chat in a sandbox
 * group as a member, see the bot's reply appear without reloading, and find the filed record with its fields.
 */
class ConsoleBrowserTest extends RunningBot {


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
        assertThat(browser.findElement(By.id("groups")).getText()).contains("保定市中心组");
        return wait;
    }

    @Test
    void aNoticeIsComposedWithAPreviewAndFollowedToTheEnd() {
        WebDriverWait wait = loggedInWithDemo();
        browser.get(url("/notices/new"));
        browser.findElement(By.id("title")).sendKeys("周五视频调度会");
        browser.findElement(By.id("content")).sendKeys("本周五上午九点召开视频调度会，请各中心组组长参加。");
        new Select(browser.findElement(By.name("kinds"))).selectByVisibleText("中心组");
        browser.findElement(By.id("requireAck")).click();
        browser.findElement(By.id("chatIds")).sendKeys("<i>no-such-chat</i>");
        browser.findElement(By.id("preview")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reach-total")));
        // a typed chat id is shown as typed, not read as HTML
        assertThat(browser.findElement(By.id("reach")).getText()).contains("找不到").contains("“<i>no-such-chat</i>”");
        browser.findElement(By.id("chatIds")).clear();
        browser.findElement(By.id("preview")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.id("reach"),
                "找不到")));
        WebElement total = browser.findElement(By.id("reach-total"));
        assertThat(Integer.parseInt(total.getText())).isEqualTo(39);
        assertThat(browser.findElement(By.id("reach")).getText()).contains("模拟群聊 39").contains("保定市中心组");
        assertThat(browser.findElements(By.cssSelector("#reach-chats li"))).hasSize(39);
        browser.findElement(By.id("send")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("counts"), "已送达 39"));
        assertThat(browser.findElement(By.id("bar-sent")).getAttribute("style")).contains("width: 100%");
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.id("deliveries"),
                "PENDING")));
        assertThat(browser.findElement(By.id("deliveries")).getText()).contains("保定市中心组").contains("SENT");
        browser.get(url("/notices"));
        assertThat(browser.findElement(By.id("notices")).getText()).contains("周五视频调度会").contains("100%");
    }

    @Test
    void aMemberReportsInTheSandboxAndTheRecordIsFiled() {
        WebDriverWait wait = loggedInWithDemo();

        browser.get(url("/sandbox"));
        Select chat = new Select(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chat"))));
        chat.selectByVisibleText(chat.getOptions().stream().map(WebElement::getText)
                .filter(label -> label.endsWith("保定市第一组")).findFirst().orElseThrow());
        Select member = new Select(browser.findElement(By.id("member")));
        String memberLabel = member.getOptions().stream().map(WebElement::getText)
                .filter(label -> label.contains("组员")).findFirst().orElseThrow();
        member.selectByVisibleText(memberLabel);
        String memberName = memberLabel.substring(0, memberLabel.indexOf('（'));

        browser.findElement(By.id("text")).sendKeys(
                "日报：检查企业七家，发现问题2个，督办问题核查1个，明日计划：夜查高碑店");
        browser.findElement(By.id("send")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#conversation .bubble.bot"),
                "已登记【每日调度】"));
        List<WebElement> bubbles = browser.findElements(By.cssSelector("#conversation .bubble"));
        assertThat(bubbles.get(bubbles.size() - 2).getText()).contains(memberName).contains("检查企业七家");
        assertThat(bubbles.get(bubbles.size() - 1).getText()).contains("检查企业数：7");

        browser.get(url("/records?q=" + "夜查高碑店"));
        WebElement table = browser.findElement(By.id("records"));
        assertThat(table.getText()).contains("每日调度").contains("保定市第一组").contains(memberName);
        table.findElement(By.cssSelector("td a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("fields")));
        assertThat(browser.findElement(By.id("fields")).getText()).contains("检查企业数").contains("7")
                .contains("明日计划").contains("夜查高碑店");
    }
}
