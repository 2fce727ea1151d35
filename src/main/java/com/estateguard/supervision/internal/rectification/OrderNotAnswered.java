package com.estateguard.supervision.internal.rectification;

import com.estateguard.common.IllegalTransition;

/** A re-check needs the estate's answer first, and an order is re-checked once. */
public class OrderNotAnswered extends IllegalTransition {
    OrderNotAnswered() {
        super("spv.order.error.notAnswered");
    }
}
