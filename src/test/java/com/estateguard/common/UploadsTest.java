package com.estateguard.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.util.unit.DataSize;

/** An upload's type is what its bytes say, whatever the client named or declared it; it is served back as that. */
class UploadsTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F'};
    static final byte[] WEBP = "RIFF\u0024\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] PDF = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8);
    static final byte[] HTML = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);

    private final Uploads uploads = new Uploads(DataSize.ofMegabytes(5), DataSize.ofMegabytes(2));

    @Test
    void theTypeIsReadFromTheBytes() {
        assertThat(FileType.sniff(PNG)).contains(FileType.PNG);
        assertThat(FileType.sniff(JPEG)).contains(FileType.JPEG);
        assertThat(FileType.sniff(WEBP)).contains(FileType.WEBP);
        assertThat(FileType.sniff(PDF)).contains(FileType.PDF);
        assertThat(FileType.sniff(SVG)).isEmpty();
        assertThat(FileType.sniff(HTML)).isEmpty();
        assertThat(FileType.sniff(new byte[0])).isEmpty();
        assertThat(FileType.sniff("RIFF\0\0\0\0WAVE".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
    }

    @Test
    void anSvgDeclaredAsAnImageIsRefused() {
        assertThatThrownBy(() -> uploads.photo(file("x.svg", "image/svg+xml", SVG)))
                .isInstanceOf(UploadRefused.class).hasMessage("upload.error.photo");
    }

    @Test
    void anHtmlFileRenamedJpgIsRefused() {
        assertThatThrownBy(() -> uploads.photo(file("photo.jpg", "image/jpeg", HTML))).isInstanceOf(UploadRefused.class);
        assertThatThrownBy(() -> uploads.document(file("scan.pdf", "application/pdf", HTML))).isInstanceOf(UploadRefused.class);
    }

    @Test
    void aPngDeclaredAsHtmlIsKeptAsPng() throws Exception {
        UploadedFile kept = uploads.photo(file("page.html", "text/html", PNG)).orElseThrow();
        assertThat(kept.type()).isEqualTo(FileType.PNG);
        assertThat(kept.mediaType()).isEqualTo("image/png");
        assertThat(kept.bytes()).isEqualTo(PNG);
    }

    @Test
    void aPdfIsADocumentButNotAPhoto() throws Exception {
        assertThat(uploads.document(file("a.pdf", "application/pdf", PDF)).orElseThrow().type()).isEqualTo(FileType.PDF);
        assertThatThrownBy(() -> uploads.photo(file("a.pdf", "application/pdf", PDF))).isInstanceOf(UploadRefused.class);
    }

    @Test
    void noFileIsNoUpload() throws Exception {
        assertThat(uploads.photo(null)).isEmpty();
        assertThat(uploads.photo(file("", "application/octet-stream", new byte[0]))).isEmpty();
    }

    @Test
    void aFileAboveTheConfiguredSizeIsRefusedNamingTheLimit() {
        byte[] big = new byte[1024 * 1024 + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        Uploads oneMegabyte = new Uploads(DataSize.ofMegabytes(1), DataSize.ofMegabytes(1));
        assertThatThrownBy(() -> oneMegabyte.photo(file("big.png", "image/png", big)))
                .isInstanceOfSatisfying(UploadTooLarge.class, e -> assertThat(e.args()).containsExactly(1L));
    }

    @Test
    void anImageIsServedInlineAsItsSniffedTypeWithNosniff() {
        var response = Uploads.serve(PNG, "photo-1");
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("inline").contains("photo-1.png");
    }

    @Test
    void storedBytesThatAreNoImageAreOnlyEverDownloaded() {
        for (byte[] stored : new byte[][] {SVG, HTML}) {
            var response = Uploads.serve(stored, "photo-2");
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
            assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment");
            assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        }
        var pdf = Uploads.serve(PDF, "doc");
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(pdf.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment");
    }

    @Test
    void aTableIsACsvOfTextOrAnXlsxThatIsAZipArchive() throws Exception {
        byte[] csv = "\uFEFF姓名,证件号\n张三,110105199003071234\n".getBytes(StandardCharsets.UTF_8);
        byte[] xlsx = {'P', 'K', 3, 4, 20, 0};
        UploadedTable table = uploads.table(file("C:\\fakepath\\名册.csv", "text/csv", csv), "error.import.type");
        assertThat(table.fileName()).isEqualTo("名册.csv");
        assertThat(table.bytes()).isEqualTo(csv);
        assertThat(uploads.table(file("../../登记簿.xlsx", "application/zip", xlsx), "error.import.type").fileName()).isEqualTo("登记簿.xlsx");
    }

    @Test
    void aTableWhoseBytesDisagreeWithItsNameIsRefused() {
        for (var refused : new MockMultipartFile[] {
                file("名册.csv", "text/csv", HTML), file("名册.csv", "text/csv", SVG), file("名册.csv", "text/csv", PNG),
                file("名册.csv", "text/csv", new byte[] {'a', 0, 'b'}), file("名册.xlsx", "application/zip", "a,b\n".getBytes(StandardCharsets.UTF_8)),
                file("名册.html", "text/csv", "a,b\n".getBytes(StandardCharsets.UTF_8)), file("名册.csv", "text/csv", new byte[0])}) {
            assertThatThrownBy(() -> uploads.table(refused, "error.import.type")).as(refused.getOriginalFilename())
                    .isInstanceOf(UploadRefused.class).hasMessage("error.import.type");
        }
        assertThatThrownBy(() -> uploads.table(file("名册.csv", "text/csv", new byte[2 * 1024 * 1024 + 1]), "error.import.type"))
                .isInstanceOf(UploadTooLarge.class);
    }

    private static MockMultipartFile file(String name, String contentType, byte[] bytes) {
        return new MockMultipartFile("photo", name, contentType, bytes);
    }
}
