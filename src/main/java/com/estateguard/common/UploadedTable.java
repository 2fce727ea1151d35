package com.estateguard.common;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/**
 * A table to import that passed {@link Uploads#table}: a CSV or .xlsx file whose bytes agree with
 * its extension. The name is only the file's own last segment, kept for the import's record.
 */
public record UploadedTable(String fileName, byte[] bytes) {

    public InputStream stream() {
        return new ByteArrayInputStream(bytes);
    }
}
