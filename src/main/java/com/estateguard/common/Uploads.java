package com.estateguard.common;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * The one way a file comes in and goes back out. Coming in, its type is read from its bytes, its
 * size is held to {@code estateguard.uploads.max-size}, and the client's file name and declared
 * content type are dropped: the bytes are kept in the record's own row, so there is no stored name
 * to choose. Going out, the type is read from the bytes again (rows written before this check
 * included), with {@code nosniff}; only the image types are shown inline.
 */
@Component
public class Uploads {

    private static final Set<FileType> PHOTO = EnumSet.of(FileType.JPEG, FileType.PNG, FileType.WEBP);
    private static final Set<FileType> DOCUMENT = EnumSet.allOf(FileType.class);

    private final DataSize maxSize;

    Uploads(@Value("${estateguard.uploads.max-size:5MB}") DataSize maxSize) {
        this.maxSize = maxSize;
    }

    /** A photo (JPEG, PNG or WebP); empty when no file was chosen. */
    public Optional<UploadedFile> photo(MultipartFile file) throws IOException {
        return accept(file, PHOTO, "upload.error.photo");
    }

    /** A document: a PDF or a photo of it; empty when no file was chosen. */
    public Optional<UploadedFile> document(MultipartFile file) throws IOException {
        return accept(file, DOCUMENT, "upload.error.document");
    }

    private Optional<UploadedFile> accept(MultipartFile file, Set<FileType> allowed, String refusal) throws IOException {
        if (file == null || file.isEmpty()) {
            return Optional.empty();
        }
        if (file.getSize() > maxSize.toBytes()) {
            throw new UploadTooLarge(maxSize.toMegabytes());
        }
        byte[] bytes = file.getBytes();
        FileType type = FileType.sniff(bytes).filter(allowed::contains).orElseThrow(() -> new UploadRefused(refusal));
        return Optional.of(new UploadedFile(type, bytes));
    }

    /**
     * Stored bytes as a response: an image inline as its sniffed type; a PDF, or anything that is
     * none of the accepted types, as a download ({@code application/octet-stream} when unknown).
     * {@code name} is the download's name without extension, chosen by the caller, never the client's.
     */
    public static ResponseEntity<byte[]> serve(byte[] stored, String name) {
        Optional<FileType> type = FileType.sniff(stored);
        boolean inline = type.map(FileType::image).orElse(false);
        String fileName = name + "." + type.map(FileType::extension).orElse("bin");
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(fileName).build();
        return ResponseEntity.ok()
                .contentType(type.map(t -> MediaType.parseMediaType(t.mediaType())).orElse(MediaType.APPLICATION_OCTET_STREAM))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(stored);
    }
}
