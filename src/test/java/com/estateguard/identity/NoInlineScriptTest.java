package com.estateguard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pages' CSP ({@code script-src 'self'}, htmx without eval) refuses inline code, so no template
 * may hold any: every script is a file under static/js, every handler bound with addEventListener.
 */
class NoInlineScriptTest {

    private static final Path TEMPLATES = Paths.get("src", "main", "resources", "templates");

    /** What a browser would refuse to run under the policy, or htmx would have to eval. */
    private static final List<Pattern> INLINE = List.of(
            Pattern.compile("<script(?![^>]*\\bth:src=|[^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\s(data-)?hx-on[:\\-]?[a-z:\\-]*\\s*=", Pattern.CASE_INSENSITIVE),
            Pattern.compile("hx-trigger=\"[^\"]*\\[", Pattern.CASE_INSENSITIVE),
            Pattern.compile("(hx-vals|hx-vars)=\"\\s*(js:|javascript:)", Pattern.CASE_INSENSITIVE),
            Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE));

    @Test
    void noTemplateHoldsInlineScriptHandlersOrEvaluatedHtmx() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file);
                for (Pattern pattern : INLINE) {
                    Matcher m = pattern.matcher(html);
                    while (m.find()) {
                        found.add(TEMPLATES.relativize(file) + ": " + m.group().trim());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theCheckFindsWhatItLooksFor() {
        String html = "<script>alert(1)</script><a onclick=\"x()\"><input hx-on:click=\"y()\" hx-trigger=\"keyup[key=='Enter']\">"
                + "<script th:src=\"@{/js/app.js}\"></script>";
        assertThat(INLINE.stream().filter(p -> p.matcher(html).find()).count()).isEqualTo(4);
    }
}
