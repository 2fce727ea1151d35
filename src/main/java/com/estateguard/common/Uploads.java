package com.estateguard.common;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Locale;
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
 * The one way a file comes in and goes back out. Coming in, its type is read from its bytes and its
 * size is held to {@code estateguard.uploads.max-size} ({@code max-table-size} for a register to
 * import); a photo's client file name and declared content type are dropped: the bytes are kept in
 * the record's own row, so there is no stored name to choose. Going out, the type is read from the bytes again (rows written before this check
 * included), with {@code nosniff}; only the image types are shown inline.
 */
@Component
public class Uploads {

    private static final Set<FileType> PHOTO = EnumSet.of(FileType.JPEG, FileType.PNG, FileType.WEBP);
    private static final Set<FileType> DOCUMENT = EnumSet.allOf(FileType.class);

    private static final int TEXT_PROBE = 8192;

    private final DataSize maxSize;
    private final DataSize maxTableSize;

    Uploads(@Value("${estateguard.uploads.max-size:5MB}") DataSize maxSize,
            @Value("${estateguard.uploads.max-table-size:20MB}") DataSize maxTableSize) {
        this.maxSize = maxSize;
        this.maxTableSize = maxTableSize;
    }

    /** A photo (JPEG, PNG or WebP); empty when no file was chosen. */
    public Optional<UploadedFile> photo(MultipartFile file) throws IOException {
        return accept(file, PHOTO, "upload.error.photo");
    }

    /** A document: a PDF or a photo of it; empty when no file was chosen. */
    public Optional<UploadedFile> document(MultipartFile file) throws IOException {
        return accept(file, DOCUMENT, "upload.error.document");
    }

    /**
     * A register to import: a .xlsx file that is a ZIP archive, or a .csv file that is text (no NUL
     * byte, no markup, none of the binary types above); refused with {@code refusal} otherwise.
     * Never stored as a file and never served back; only its bare name is kept, for the import's record.
     */
    public UploadedTable table(MultipartFile file, String refusal) throws IOException {
        String name = bareName(file == null ? null : file.getOriginalFilename());
        String lower = name.toLowerCase(Locale.ROOT);
        if (file == null || file.isEmpty() || !(lower.endsWith(".xlsx") || lower.endsWith(".csv"))) {
            throw new UploadRefused(refusal);
        }
        if (file.getSize() > maxTableSize.toBytes()) {
            throw new UploadTooLarge(maxTableSize.toMegabytes());
        }
        byte[] bytes = file.getBytes();
        if (lower.endsWith(".xlsx") ? !zip(bytes) : !text(bytes)) {
            throw new UploadRefused(refusal);
        }
        return new UploadedTable(name, bytes);
    }

    private static String bareName(String clientName) {
        String name = clientName == null ? "" : clientName.substring(Math.max(clientName.lastIndexOf('/'), clientName.lastIndexOf('\\')) + 1);
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static boolean zip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    private static boolean text(byte[] bytes) {
        if (zip(bytes) || FileType.sniff(bytes).isPresent()) {
            return false;
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        int end = Math.min(bytes.length, TEXT_PROBE);
        Integer first = null;
        for (int i = start; i < end; i++) {
            if (bytes[i] == 0) {
                return false;
            }
            if (first == null && !Character.isWhitespace(bytes[i])) {
                first = (int) bytes[i];
            }
        }
        return first == null || first != '<';
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
