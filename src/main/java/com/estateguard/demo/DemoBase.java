package com.estateguard.demo;

import java.util.List;

/**
 * What the base demo made (演示数据), for the modules' own demo data: estate ids in order (阳光花园
 * first), their south gates, and the people in the health registers as "ID number|name". Demo
 * logins are named by username; their password is {@link #PASSWORD}.
 */
public record DemoBase(List<Long> estates, List<Long> entrances, List<String> people) {

    public static final String PASSWORD = "demo1234";
    public static final String DEVICE_KEY = "eg_demo0001_5f2c9a7e41b04d8c9e3f6a1b2c3d4e5f60718293a4b5c6d7";
    /** The actor recorded on every demo row. */
    public static final String BY = "demo-seed";
}
