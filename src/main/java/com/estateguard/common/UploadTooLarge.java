package com.estateguard.common;

/** An upload above the configured size ({@code estateguard.uploads.max-size}); the argument is the limit in MB. */
public class UploadTooLarge extends DomainException {
    public UploadTooLarge(long limitMegabytes) {
        super("upload.error.tooLarge", limitMegabytes);
    }
}
