package com.estateguard.demo;

/**
 * One module's demo data, loaded on the first start right after the base demo (organisations,
 * users, policies, health registers) is committed. Each module contributes its own class in its
 * {@code internal} package, so none edits another's; {@code @Order} sets the sequence (shifts
 * before checks, the daily report last).
 */
public interface DemoExtension {

    void load(DemoBase base);
}
