package com.estateguard.common;

import java.util.Objects;

/**
 * An upload that passed {@link Uploads}: its bytes and the type read from them. The client's file
 * name and declared content type are not part of it, so nothing downstream can store or echo them.
 */
public record UploadedFile(FileType type, byte[] bytes) {

    public UploadedFile {
        Objects.requireNonNull(type, "type");
        if (FileType.sniff(bytes).orElse(null) != type) {
            throw new IllegalArgumentException("bytes are not " + type);
        }
    }

    /** The media type to keep with the bytes: the sniffed one, never the client's. */
    public String mediaType() {
        return type.mediaType();
    }
}
