package com.estateguard;

import com.estateguard.access.CheckId;
import com.estateguard.access.CheckRefused;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * A listener of another module's event, as the emergency module or the cockpit will be: it reacts
 * only to refusals recorded by {@link #ACTOR} and can be told to fail, so a test can watch the event
 * registry keep a failed delivery and deliver it again.
 *
 * <p>Imported by {@link IntegrationTest}, deliberately not a {@code @Component}: the benchmarks start the application
 * from the test classpath, where component scanning found it, and every refusal in the gate benchmark went through the
 * event registry for it (a publication row written, marked and deleted: about 90 µs of PostgreSQL per check).
 */
public class RegistryProbe {

    public static final String ACTOR = "registry-probe";

    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final List<CheckId> handled = new CopyOnWriteArrayList<>();

    @ApplicationModuleListener
    void on(CheckRefused refused) {
        if (!ACTOR.equals(refused.recordedBy())) {
            return;
        }
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("the probe fails on purpose");
        }
        handled.add(refused.checkId());
    }

    public void failNext(int times) {
        failuresLeft.set(times);
    }

    public List<CheckId> handled() {
        return List.copyOf(handled);
    }
}
