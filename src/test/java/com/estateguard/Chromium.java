package com.estateguard;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/** Debian's Chromium as every browser test launches it: headless, no downloads, no background traffic. */
public final class Chromium {

    public static final Path EXECUTABLE = Paths.get("/usr/bin/chromium");
    private static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private Chromium() {
    }

    public static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(ARGS));
    }
}
