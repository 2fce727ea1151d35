package com.estateguard.healthdata;

/** Health-code colour (健康码). */
public enum CodeStatus { GREEN, YELLOW, RED }
