package com.estateguard.org;

/** City > district > street/town (镇街) > community (社区). */
public enum RegionLevel { CITY, DISTRICT, STREET, COMMUNITY }
