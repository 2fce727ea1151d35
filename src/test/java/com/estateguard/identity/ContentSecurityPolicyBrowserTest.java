package com.estateguard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.BrowserSession;
import com.estateguard.BrowserTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.SelectOption;
import java.util.regex.Pattern;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * In a real browser the pages' CSP refuses injected script, and the browser tests notice: a
 * violation reaches the session's errors, which fail any browser test that does not expect it.
 */
@BrowserTest
class ContentSecurityPolicyBrowserTest {

    @Test
    void anInjectedInlineScriptAndHandlerAreRefusedAndReported(BrowserSession visitor) {
        Page page = visitor.page();
        page.navigate("/login");
        page.evaluate("""
                () => {
                  const s = document.createElement('script');
                  s.textContent = 'window.injected = true';
                  document.body.appendChild(s);
                  const b = document.createElement('button');
                  b.id = 'injected-handler';
                  b.setAttribute('onclick', 'window.clicked = true');
                  document.body.appendChild(b);
                }""");
        page.locator("#injected-handler").click();

        List<String> errors = new ArrayList<>();
        for (int i = 0; i < 100 && errors.stream().filter(e -> e.startsWith("console error: CSP violation")).count() < 2; i++) {
            page.waitForTimeout(50);
            errors.addAll(visitor.takeBrowserErrors());
        }
        assertThat(page.evaluate("() => window.injected === undefined && window.clicked === undefined")).isEqualTo(true);
        assertThat(errors).filteredOn(e -> e.startsWith("console error: CSP violation: script-src")).hasSize(2);
        assertThat(errors).allMatch(e -> e.contains("Content Security Policy") || e.contains("CSP violation"));
    }

    /** The passes page's estate filter applies on change, bound in app.js now that no inline onchange may run. */
    @Test
    void theEstateFilterAppliesOnChangeWithoutAnInlineHandler(BrowserSession admin) {
        Page page = admin.page();
        admin.logIn("admin", "demo1234");
        page.navigate("/passes");
        page.locator("form.filters select[name=estate]").selectOption(new SelectOption().setIndex(1));
        page.waitForURL(Pattern.compile(".*/passes\\?estate=\\d+$"));
    }

    /** Swagger UI (demo mode) is served from the application itself and runs under the same policy. */
    @Test
    void swaggerUiRunsUnderThePolicy(BrowserSession developer) {
        Page page = developer.page();
        page.navigate("/swagger-ui/index.html");
        // The first /v3/api-docs is generated on demand, slowly on a busy machine.
        var slow = new LocatorAssertions.IsVisibleOptions().setTimeout(60_000);
        PlaywrightAssertions.assertThat(page.locator(".swagger-ui .info .title")).isVisible(slow);
        PlaywrightAssertions.assertThat(page.locator(".opblock").first()).isVisible(slow);
    }
}
