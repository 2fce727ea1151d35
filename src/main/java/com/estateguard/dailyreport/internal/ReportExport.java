package com.estateguard.dailyreport.internal;

import com.estateguard.dailyreport.ReportLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;

/**
 * The daily report as a file: Excel (.xlsx) for the property office, PDF with an embedded Chinese
 * font (Droid Sans Fallback, TrueType, so PDFBox can embed it) for the community.
 */
@Component
public class ReportExport {

    private static final String FONT = "/fonts/DroidSansFallbackFull.ttf";

    /** @param header lines above the figures (estate, date, status); label turns a message key into text */
    public byte[] xlsx(String title, List<String> header, List<SectionFigures> sections, Function<String, String> label) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Workbook wb = new Workbook(out, "EstateGuard", "1.0");
            Worksheet ws = wb.newWorksheet(label.apply("report.sheet"));
            ws.value(0, 0, title);
            ws.style(0, 0).bold().set();
            int row = 1;
            for (String h : header) {
                ws.value(row++, 0, h);
            }
            for (SectionFigures section : sections) {
                row++;
                ws.value(row, 0, label.apply(section.titleKey()));
                ws.style(row++, 0).bold().set();
                for (ReportLine line : section.lines()) {
                    ws.value(row, 0, label.apply(line.labelKey()));
                    ws.value(row, 1, line.value());
                    ws.value(row++, 2, line.unitKey() == null || line.unitKey().isEmpty() ? "" : label.apply(line.unitKey()));
                }
            }
            ws.width(0, 36);
            wb.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] pdf(String title, List<String> header, List<SectionFigures> sections, Function<String, String> label) {
        try (PDDocument doc = new PDDocument(); InputStream font = ReportExport.class.getResourceAsStream(FONT)) {
            PDFont cjk = PDType0Font.load(doc, font);
            PdfWriter w = new PdfWriter(doc, cjk, new PDType1Font(Standard14Fonts.FontName.HELVETICA));
            w.line(title, 16);
            header.forEach(h -> w.line(h, 10));
            for (SectionFigures section : sections) {
                w.gap();
                w.line(label.apply(section.titleKey()), 13);
                for (ReportLine line : section.lines()) {
                    String unit = line.unitKey() == null || line.unitKey().isEmpty() ? "" : " " + label.apply(line.unitKey());
                    w.line("    " + label.apply(line.labelKey()) + "：" + line.value().stripTrailingZeros().toPlainString() + unit, 11);
                }
            }
            w.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes lines top to bottom, starting a new A4 page when one is full. The fallback CJK font
     * has no Latin letters or digits, so those are set in Helvetica, run by run.
     */
    private static final class PdfWriter {
        private static final float MARGIN = 50;
        private final PDDocument doc;
        private final PDFont cjk;
        private final PDFont latin;
        private PDPageContentStream stream;
        private float y;

        PdfWriter(PDDocument doc, PDFont cjk, PDFont latin) {
            this.doc = doc;
            this.cjk = cjk;
            this.latin = latin;
        }

        private boolean isLatin(int codePoint) {
            if (codePoint >= 0x2E80) {
                return false;
            }
            try {
                latin.encode(Character.toString(codePoint));
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        }

        private boolean cjkHas(int codePoint) {
            try {
                cjk.encode(Character.toString(codePoint));
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        }

        /** A character neither font has becomes "?" rather than failing the whole export. */
        private String printable(String text) {
            StringBuilder out = new StringBuilder();
            text.codePoints().forEach(c -> out.appendCodePoint(isLatin(c) || cjkHas(c) ? c : '?'));
            return out.toString();
        }

        private void show(String raw, float size) throws IOException {
            String text = printable(raw);
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
        }

        void line(String text, float size) {
            try {
                if (stream == null || y < MARGIN + size) {
                    newPage();
                }
                y -= size * 1.6f;
                stream.beginText();
                stream.newLineAtOffset(MARGIN, y);
                show(text, size);
                stream.endText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void gap() {
            y -= 8;
        }

        private void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            stream = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void close() {
            if (stream != null) {
                try {
                    stream.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                stream = null;
            }
        }
    }
}
