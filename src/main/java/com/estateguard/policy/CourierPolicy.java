package com.estateguard.policy;

/** ACC-13: couriers kept out with pickup points (001, 002) or admitted for contactless delivery (000). */
public enum CourierPolicy { KEPT_OUT_PICKUP_POINT, CONTACTLESS_INSIDE }
