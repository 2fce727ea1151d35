package com.estateguard.residents.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.Fixtures;
import com.estateguard.IntegrationTest;
import com.estateguard.TestData;
import com.estateguard.common.CurrentUser;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.residents.internal.Passes;
import com.estateguard.residents.internal.PersonKind;
import com.estateguard.residents.internal.ResidentLine;
import com.estateguard.residents.internal.ResidentRegister;
import com.estateguard.residents.internal.web.PassPdf;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Printed passes (RES-03): the A4 PDF opens and its Chinese text reads back; the CJK font is embedded. */
@IntegrationTest
class PassPdfTest {

    @Autowired
    Passes passes;
    @Autowired
    PassPdf pdf;
    @Autowired
    ResidentRegister register;
    @Autowired
    TestData data;

    @Test
    void aBatchPdfHasOnePassPerHolderWithExtractableChineseTextAndAnEmbeddedFont() throws IOException {
        var estate = data.estate(PolicyPreset.KUNSHAN_2020);
        var admin = estate.admin().user();
        var first = passes.issue(resident(estate.id(), "欧阳春", admin), admin);
        var second = passes.issue(resident(estate.id(), "司马秋", admin), admin);
        var out = new ByteArrayOutputStream();
        pdf.write(List.of(new PassPdf.Printable(first, passes.token(first)), new PassPdf.Printable(second, passes.token(second))), out);

        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(estate.name() + " 临时出入证").contains("持证人：欧阳春").contains("持证人：司马秋")
                    .contains("防疫专用章").contains("发证日期");
            var resources = doc.getPage(0).getResources();
            boolean cjkEmbedded = false;
            for (var name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                cjkEmbedded |= font.getName().contains("Droid") && font.isEmbedded();
            }
            assertThat(cjkEmbedded).isTrue();
        }
    }

    private long resident(long estate, String name, CurrentUser admin) {
        return register.add(estate, new ResidentLine("7", "", "1502", name, PersonKind.TENANT, "", Fixtures.newIdNumber(),
                false, false), admin);
    }
}
