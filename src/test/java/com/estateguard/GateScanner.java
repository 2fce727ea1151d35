package com.estateguard;

import com.microsoft.playwright.Keyboard;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * How a code reaches the gate page's scan field in a browser test. A keyboard-wedge scanner types
 * the whole code as one fast burst of keys and an Enter; a guard typing by hand is slow. The page's
 * script (gate.js) tells the two apart, and only the scanner (or the camera) counts as a scan.
 */
public final class GateScanner {

    /** Well under gate.js's 40 ms average gap: a scanner's burst. */
    private static final double SCANNER_KEY_GAP_MS = 0;
    /** Well over it: a person at a phone's keyboard. */
    private static final double HAND_KEY_GAP_MS = 120;

    private GateScanner() {
    }

    /** A keyboard-wedge scanner reads {@code code}: a burst of keys, then Enter. */
    public static void scan(Page page, String code) {
        enter(page, code, SCANNER_KEY_GAP_MS);
    }

    /** The guard types {@code code} key by key, then presses Enter. */
    public static void typeByHand(Page page, String code) {
        enter(page, code, HAND_KEY_GAP_MS);
    }

    private static void enter(Page page, String code, double gapMs) {
        Locator field = page.locator("#scannedCode");
        field.clear();
        field.focus();
        page.keyboard().type(code, new Keyboard.TypeOptions().setDelay(gapMs));
        page.keyboard().press("Enter");
    }
}
