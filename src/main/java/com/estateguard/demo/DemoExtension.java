package com.estateguard.demo;

/**
 * Adds one feature's demo data after the base demo (organisations, users, policies) is loaded.
 * Each feature contributes its own class in this package, so none edits another's.
 */
interface DemoExtension {

    /** Runs once, on the first start, right after the base demo is committed. */
    void load(DemoData.Loaded base);
}
