package com.estateguard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * An {@link IntegrationTest} walked in a real browser: headless Debian Chromium (/usr/bin/chromium)
 * through Playwright. Each {@link BrowserSession} parameter of a test or a {@code @BeforeEach}
 * method is a new session on the running application, desktop-sized or, with {@link Phone},
 * phone-sized, closed after the test; when the test fails, each is photographed first. A test fails
 * on any script or console error, CSP violation or failed request in its sessions. Without
 * Chromium the test is skipped, or fails when {@code CI=true} (see .ci/run).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@EnabledIf(value = "com.estateguard.Chromium#presentOrCi",
        disabledReason = "/usr/bin/chromium is missing (apt-get install chromium fonts-noto-cjk, see .ci/run)")
@ExtendWith(BrowserTest.Sessions.class)
public @interface BrowserTest {

    /** A phone's screen (412x915, touch) instead of a desktop's (1280x900). */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Phone {
    }

    /**
     * Starts Chromium once for the whole test run, in the root store so that it is shared by every
     * browser test class and closed when the run ends, and opens the sessions the tests ask for.
     * Playwright is not thread-safe: the browser tests run one at a time, as the whole suite does.
     */
    class Sessions implements BeforeAllCallback, ParameterResolver, TestExecutionExceptionHandler, AfterTestExecutionCallback {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Sessions.class);

        /** Fails the test class, before the application starts, when Chromium is missing or will not start. */
        @Override
        public void beforeAll(ExtensionContext context) {
            chromium(context);
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == BrowserSession.class;
        }

        @Override
        public BrowserSession resolveParameter(ParameterContext parameter, ExtensionContext context) {
            ApplicationContext application = SpringExtension.getApplicationContext(context);
            String port = application.getEnvironment().getRequiredProperty("local.server.port");
            BrowserSession session = chromium(context).open(parameter.getParameter().getName(),
                    "http://localhost:" + port, application.getBean(TestClock.class).localZone(),
                    parameter.isAnnotated(Phone.class));
            openSessions(context).add(session);
            return session;
        }

        /** A test that passed still fails on a script or console error, a CSP violation or a failed request in any of its sessions. */
        @Override
        public void afterTestExecution(ExtensionContext context) {
            if (context.getExecutionException().isEmpty()) {
                openSessions(context).sessions.forEach(BrowserSession::assertNoBrowserErrors);
            }
        }

        /** What the browser showed when it went wrong, as target/screenshots/{test class}-{session}-failure.png. */
        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
            for (BrowserSession session : openSessions(context).sessions) {
                try {
                    session.screenshot(context.getRequiredTestClass().getSimpleName() + "-" + session.name() + "-failure");
                } catch (RuntimeException screenshotFailed) {
                    failure.addSuppressed(screenshotFailed);
                }
            }
            throw failure;
        }

        private static Chromium chromium(ExtensionContext context) {
            return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Chromium.class, key -> Chromium.start(), Chromium.class);
        }

        /** The current test's sessions, closed with its store when the test ends. */
        private static OpenSessions openSessions(ExtensionContext context) {
            return context.getStore(NAMESPACE).computeIfAbsent(OpenSessions.class, key -> new OpenSessions(), OpenSessions.class);
        }

        /** The sessions one test opened, closed together after it. */
        private static final class OpenSessions implements AutoCloseable {
            private final List<BrowserSession> sessions = new ArrayList<>();

            void add(BrowserSession session) {
                sessions.add(session);
            }

            @Override
            public void close() {
                sessions.forEach(BrowserSession::close);
            }
        }
    }
}
