package com.estateguard.residents.internal.web;

import com.estateguard.residents.internal.Passes;
import com.google.zxing.common.BitMatrix;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.stereotype.Component;

/**
 * Printable A4 passes, two per page: estate, holder, home, issue date, validity, the QR code with
 * the signed token, and the estate's stamp. Chinese text uses an embedded (subset) TrueType font.
 */
@Component
public class PassPdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final float CARD_HEIGHT = 380;
    private static final PDType1Font LATIN = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    private final ZoneId zone;

    public PassPdf(ZoneId zone) {
        this.zone = zone;
    }

    public record Printable(Passes.PassView pass, String token) {
    }

    public void write(List<Printable> passes, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument(); InputStream font = getClass().getResourceAsStream("/fonts/DroidSansFallbackFull.ttf")) {
            PDType0Font cjk = PDType0Font.load(doc, font);
            for (int i = 0; i < passes.size(); i += 2) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    card(cs, cjk, passes.get(i), 800);
                    if (i + 1 < passes.size()) {
                        card(cs, cjk, passes.get(i + 1), 800 - CARD_HEIGHT - 20);
                    }
                }
            }
            doc.save(out);
        }
    }

    private void card(PDPageContentStream cs, PDType0Font font, Printable p, float top) throws IOException {
        Passes.PassView pass = p.pass();
        cs.setStrokingColor(Color.DARK_GRAY);
        cs.addRect(50, top - CARD_HEIGHT, 495, CARD_HEIGHT);
        cs.stroke();
        text(cs, font, 24, 70, top - 45, pass.estateName() + " 临时出入证");
        text(cs, font, 15, 70, top - 95, "持证人：" + pass.personName());
        text(cs, font, 15, 70, top - 125, "住址：" + pass.building() + "栋" + (pass.unit().isBlank() ? "" : pass.unit() + "单元") + pass.room() + "室");
        text(cs, font, 15, 70, top - 155, "身份证号：" + pass.idMasked());
        text(cs, font, 15, 70, top - 185, "发证日期：" + DATE.format(pass.issuedAt().atZone(zone)));
        text(cs, font, 15, 70, top - 215, "有效期至：" + DATE.format(pass.expiresAt().atZone(zone)));
        text(cs, font, 15, 70, top - 245, "证号：" + pass.id());
        text(cs, font, 11, 70, top - 350, "一人一证，出入时主动出示，接受查验。涂改、转借无效。");
        qr(cs, PassQr.matrix(p.token()), 350, top - 260, 175);
        stamp(cs, font, pass.estateName(), 200, top - 290);
    }

    private static void text(PDPageContentStream cs, PDType0Font font, float size, float x, float y, String s) throws IOException {
        cs.setNonStrokingColor(Color.BLACK);
        show(cs, font, size, x, y, s);
    }

    /** The CJK font has no Latin letters or digits: ASCII runs are set in Helvetica. */
    private static void show(PDPageContentStream cs, PDType0Font cjk, float size, float x, float y, String s) throws IOException {
        cs.beginText();
        cs.newLineAtOffset(x, y);
        for (String run : runs(s)) {
            cs.setFont(run.charAt(0) < 128 ? LATIN : cjk, size);
            cs.showText(run);
        }
        cs.endText();
    }

    private static float width(PDType0Font cjk, float size, String s) throws IOException {
        float w = 0;
        for (String run : runs(s)) {
            w += (run.charAt(0) < 128 ? LATIN : cjk).getStringWidth(run) / 1000 * size;
        }
        return w;
    }

    private static List<String> runs(String s) {
        List<String> runs = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 1; i <= s.length(); i++) {
            if (i == s.length() || (s.charAt(i) < 128) != (s.charAt(start) < 128)) {
                runs.add(s.substring(start, i));
                start = i;
            }
        }
        return runs;
    }

    private static void qr(PDPageContentStream cs, BitMatrix m, float x, float y, float size) throws IOException {
        float cell = size / m.getWidth();
        cs.setNonStrokingColor(Color.BLACK);
        for (int row = 0; row < m.getHeight(); row++) {
            for (int col = 0; col < m.getWidth(); col++) {
                if (m.get(col, row)) {
                    cs.addRect(x + col * cell, y + size - (row + 1) * cell, cell, cell);
                }
            }
        }
        cs.fill();
    }

    /** A round red stamp: the estate's name and 防疫专用章, drawn, not an image. */
    private static void stamp(PDPageContentStream cs, PDType0Font font, String estate, float cx, float cy) throws IOException {
        Color red = new Color(200, 30, 30);
        cs.setStrokingColor(red);
        cs.setLineWidth(3);
        float r = 55;
        float k = 0.5523f * r;
        cs.moveTo(cx - r, cy);
        cs.curveTo(cx - r, cy + k, cx - k, cy + r, cx, cy + r);
        cs.curveTo(cx + k, cy + r, cx + r, cy + k, cx + r, cy);
        cs.curveTo(cx + r, cy - k, cx + k, cy - r, cx, cy - r);
        cs.curveTo(cx - k, cy - r, cx - r, cy - k, cx - r, cy);
        cs.stroke();
        cs.setNonStrokingColor(red);
        float size = Math.min(14, 90f / Math.max(1, estate.length()));
        centred(cs, font, size, cx, cy + 18, estate);
        centred(cs, font, 13, cx, cy - 22, "防疫专用章");
    }

    private static void centred(PDPageContentStream cs, PDType0Font font, float size, float cx, float y, String s) throws IOException {
        show(cs, font, size, cx - width(font, size, s) / 2, y, s);
    }
}
