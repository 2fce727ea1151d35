package com.estateguard.supervision.internal.circular;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * An A4 document written line by line, with the Chinese font embedded (Droid Sans Fallback, as the
 * daily report's export). Long lines wrap at the margin. The fallback font has no Latin letters or
 * digits, so those are set in Helvetica, run by run; a character neither has becomes "?".
 */
final class PdfText implements AutoCloseable {

    private static final String FONT = "/fonts/DroidSansFallbackFull.ttf";
    private static final float MARGIN = 50;
    private final PDDocument doc = new PDDocument();
    private final PDFont cjk;
    private final PDFont latin = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private PDPageContentStream stream;
    private float y;

    PdfText() {
        try (InputStream font = PdfText.class.getResourceAsStream(FONT)) {
            cjk = PDType0Font.load(doc, font);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void line(String text, float size) {
        String printable = printable(text);
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        int start = 0;
        while (start < printable.length()) {
            int end = fit(printable, start, width, size);
            write(printable.substring(start, end), size);
            start = end;
        }
        if (printable.isEmpty()) {
            write("", size);
        }
    }

    void gap() {
        y -= 8;
    }

    byte[] bytes() {
        try {
            closeStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            closeStream();
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The end of the longest run from {@code start} that fits the width (at least one character). */
    private int fit(String text, int start, float width, float size) {
        float used = 0;
        int i = start;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            float w = widthOf(cp, size);
            if (used + w > width && i > start) {
                break;
            }
            used += w;
            i += Character.charCount(cp);
        }
        return i;
    }

    private float widthOf(int codePoint, float size) {
        try {
            PDFont font = isLatin(codePoint) ? latin : cjk;
            return font.getStringWidth(Character.toString(codePoint)) / 1000 * size;
        } catch (IOException | IllegalArgumentException e) {
            return size;
        }
    }

    private void write(String text, float size) {
        try {
            if (stream == null || y < MARGIN + size) {
                newPage();
            }
            y -= size * 1.6f;
            stream.beginText();
            stream.newLineAtOffset(MARGIN, y);
            int i = 0;
            while (i < text.length()) {
                boolean runLatin = isLatin(text.codePointAt(i));
                int j = i;
                while (j < text.length() && isLatin(text.codePointAt(j)) == runLatin) {
                    j += Character.charCount(text.codePointAt(j));
                }
                stream.setFont(runLatin ? latin : cjk, size);
                stream.showText(text.substring(i, j));
                i = j;
            }
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean isLatin(int codePoint) {
        return codePoint < 0x2E80 && encodes(latin, codePoint);
    }

    private String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.appendCodePoint(isLatin(c) || encodes(cjk, c) ? c : '?'));
        return out.toString();
    }

    private static boolean encodes(PDFont font, int codePoint) {
        try {
            font.encode(Character.toString(codePoint));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private void newPage() throws IOException {
        closeStream();
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        stream = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void closeStream() throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }
}
