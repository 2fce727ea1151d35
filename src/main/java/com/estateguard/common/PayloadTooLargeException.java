package com.estateguard.common;

import java.io.IOException;

/** Raised while reading an API body that exceeds the configured limit. */
public class PayloadTooLargeException extends IOException {
    public PayloadTooLargeException() {
        super("payload too large");
    }
}
