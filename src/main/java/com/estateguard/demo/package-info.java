/**
 * Demo data (演示数据) for a first start: the base (organisations, users, policies, registers) and the DemoExtension each module implements for its own.
 */
@ApplicationModule(allowedDependencies = {"common", "org", "identity", "policy", "healthdata"})
package com.estateguard.demo;

import org.springframework.modulith.ApplicationModule;
