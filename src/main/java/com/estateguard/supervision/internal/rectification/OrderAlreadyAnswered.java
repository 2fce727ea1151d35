package com.estateguard.supervision.internal.rectification;

import com.estateguard.common.IllegalTransition;

/** The estate answers an order once; an answered or closed order takes no second answer. */
public class OrderAlreadyAnswered extends IllegalTransition {
    OrderAlreadyAnswered() {
        super("spv.order.error.alreadyAnswered");
    }
}
