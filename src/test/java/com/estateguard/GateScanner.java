package com.estateguard;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Keyboard;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * How a code reaches the gate page's scan field in a browser test. A keyboard-wedge scanner types
 * the whole code as one fast burst of keys and an Enter; a guard typing by hand is slow. The page's
 * script (gate.js) tells the two apart by the keys' event times, and only the scanner (or the camera)
 * counts as a scan.
 */
public final class GateScanner {

    /** Well under gate.js's 40 ms average gap: a scanner's burst, as the keys' event times say. */
    private static final double SCANNER_KEY_GAP_MS = 5;
    /** Well over it: a person at a phone's keyboard. */
    private static final double HAND_KEY_GAP_MS = 120;

    private GateScanner() {
    }

    /**
     * A keyboard-wedge scanner reads {@code code}: a burst of keys, then Enter. The keys go to the browser through the
     * DevTools protocol with their event times set {@value #SCANNER_KEY_GAP_MS} ms apart, so a machine too busy to
     * deliver them that fast (a CI run, where a 40 ms average was sometimes missed) still shows the page a scanner's
     * burst; the page sees real key events in the focused field, as from a scanner.
     */
    public static void scan(Page page, String code) {
        Locator field = page.locator("#scannedCode");
        field.clear();
        field.focus();
        CDPSession cdp = page.context().newCDPSession(page);
        try {
            double at = System.currentTimeMillis() / 1000.0;
            for (char ch : code.toCharArray()) {
                String key = String.valueOf(ch);
                cdp.send("Input.dispatchKeyEvent", key("keyDown", key, key, at));
                cdp.send("Input.dispatchKeyEvent", key("keyUp", key, null, at));
                at += SCANNER_KEY_GAP_MS / 1000.0;
            }
            JsonObject enter = key("keyDown", "Enter", "\r", at);
            enter.addProperty("code", "Enter");
            enter.addProperty("windowsVirtualKeyCode", 13);
            cdp.send("Input.dispatchKeyEvent", enter);
            JsonObject enterUp = key("keyUp", "Enter", null, at);
            enterUp.addProperty("code", "Enter");
            enterUp.addProperty("windowsVirtualKeyCode", 13);
            cdp.send("Input.dispatchKeyEvent", enterUp);
        } finally {
            cdp.detach();
        }
    }

    private static JsonObject key(String type, String key, String text, double at) {
        JsonObject event = new JsonObject();
        event.addProperty("type", type);
        event.addProperty("key", key);
        if (text != null) {
            event.addProperty("text", text);
        }
        event.addProperty("timestamp", at);
        return event;
    }

    /** The guard types {@code code} key by key, then presses Enter. */
    public static void typeByHand(Page page, String code) {
        Locator field = page.locator("#scannedCode");
        field.clear();
        field.focus();
        page.keyboard().type(code, new Keyboard.TypeOptions().setDelay(HAND_KEY_GAP_MS));
        page.keyboard().press("Enter");
    }
}
