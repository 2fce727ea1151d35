package com.estateguard.common;

/** An upload whose bytes are not a type accepted there (for example SVG or HTML for a photo). */
public class UploadRefused extends InvalidInputException {
    public UploadRefused(String messageKey) {
        super(messageKey);
    }
}
