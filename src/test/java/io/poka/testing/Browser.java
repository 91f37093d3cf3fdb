package io.poka.testing;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver, installed by .ci/run) driven by Selenium, for the
 * web UI's tests; screenshots go to target/screenshots for the reviewer. No browser download: the driver and browser
 * are the machine's. Closing it fails the test if the page broke the Content-Security-Policy (the console says so).
 */
public final class Browser implements AutoCloseable {
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String CHROMIUM = System.getProperty("poka.browser.binary", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("poka.browser.driver", "/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final String base;
    private final Path profile;
    private final List<String> console = new ArrayList<>();

    private Browser(ChromeDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    /** Starts a fresh browser (own empty profile, laptop-sized window) against the test application at {@code base}. */
    public static Browser open(URL base) {
        return open(base, 1366, 900);
    }

    public static Browser open(URL base, int width, int height) {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("The UI tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install -y chromium chromium-driver (.ci/run does)");
        }
        try {
            Path profile = Files.createTempDirectory("poka-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            // The flags this closed network needs: no background connections, no component updates (env notes).
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
            options.setCapability("goog:loggingPrefs", Map.of(org.openqa.selenium.logging.LogType.BROWSER, "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            String root = base.toString().replaceAll("/+$", "");
            root = root.substring(0, root.indexOf('/', root.indexOf("//") + 2) < 0 ? root.length()
                    : root.indexOf('/', root.indexOf("//") + 2));
            return new Browser(driver, root, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the application, e.g. "/ui/lots". */
    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    /** Signs in through the sign-in form and waits for the dashboard. */
    public Browser signIn(String user, String password) {
        go("/ui/login");
        driver.findElement(By.id("j_username")).sendKeys(user);
        driver.findElement(By.id("j_password")).sendKeys(password);
        driver.findElement(By.cssSelector("form[action='/j_security_check'] button[type=submit]")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.who")));
        return this;
    }

    public WebElement find(By by) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public <T> T waitFor(Function<? super WebDriver, T> condition) {
        return waitFor(condition, Duration.ofSeconds(30));
    }

    public <T> T waitFor(Function<? super WebDriver, T> condition, Duration timeout) {
        // A page that reloads after an action leaves elements of the old document behind; Chromium reports them as
        // stale or as "does not belong to the document". Either way: not yet, look again.
        Function<WebDriver, T> tolerant = d -> {
            try {
                return condition.apply(d);
            } catch (StaleElementReferenceException e) {
                return null;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return null;
                }
                throw e;
            }
        };
        return new WebDriverWait(driver, timeout).until(tolerant);
    }

    /** The browser console's errors so far (failed loads, script errors, Content-Security-Policy violations). */
    public List<String> consoleErrors() {
        for (var entry : driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                console.add(entry.getMessage());
            }
        }
        return List.copyOf(console);
    }

    /** Saves a PNG of the current page as target/screenshots/{name}.png and returns its path. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        List<String> violations;
        try {
            violations = consoleErrors().stream().filter(m -> m.contains("Content Security Policy")).toList();
        } finally {
            closeBrowser();
        }
        if (!violations.isEmpty()) {
            throw new AssertionError("The page broke its Content-Security-Policy: " + violations);
        }
    }

    private void closeBrowser() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp profile left behind is harmless
            }
        }
    }
}
