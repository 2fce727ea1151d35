package com.estateguard.dailyreport;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.dailyreport.internal.ReportExport;
import com.estateguard.dailyreport.internal.ReportStatus;
import com.estateguard.dailyreport.internal.SectionFigures;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The late flag and the street's combined figures, without a database. */
class ReportFiguresTest {

    private static final Instant DEADLINE = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void statusFollowsTheDeadline() {
        assertThat(ReportStatus.of(null, DEADLINE, DEADLINE.minusSeconds(1))).isEqualTo(ReportStatus.DUE);
        assertThat(ReportStatus.of(null, DEADLINE, DEADLINE.plusSeconds(1))).isEqualTo(ReportStatus.OVERDUE);
        assertThat(ReportStatus.of(DEADLINE, DEADLINE, DEADLINE.plusSeconds(99))).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(ReportStatus.of(DEADLINE.plusSeconds(1), DEADLINE, DEADLINE.plusSeconds(99))).isEqualTo(ReportStatus.SUBMITTED_LATE);
        assertThat(ReportStatus.SUBMITTED_LATE.late()).isTrue();
        assertThat(ReportStatus.SUBMITTED.late()).isFalse();
    }

    @Test
    void combinedFiguresAddUpTheSameLinesOfEveryEstate() {
        var a = List.of(new SectionFigures("s.checks", List.of(ReportLine.count("checks", 3), ReportLine.count("reason.FEVER", 1))));
        var b = List.of(new SectionFigures("s.checks", List.of(ReportLine.count("checks", 4))),
                new SectionFigures("s.hyg", List.of(new ReportLine("area", new BigDecimal("10.5"), "m2"))));
        var combined = SectionFigures.combine(List.of(a, b));
        assertThat(combined).hasSize(2);
        assertThat(combined.get(0).lines()).extracting(ReportLine::value)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("7"), BigDecimal.ONE);
        assertThat(combined.get(1).lines().get(0).value()).isEqualByComparingTo("10.5");
    }

    @Test
    void thePdfKeepsChineseLatinAndDigitsAndSurvivesACharacterNoFontHas() throws Exception {
        var sections = List.of(new SectionFigures("hyg", List.of(new ReportLine("area", new BigDecimal("150.5"), "m2"))));
        java.util.function.Function<String, String> label = k -> switch (k) {
            case "hyg" -> "消毒消杀";
            case "area" -> "消毒面积";
            case "m2" -> "平方米";
            default -> k;
        };
        byte[] pdf = new ReportExport().pdf("阳光花园 防疫日报 2026-03-02 \uD83D\uDE00", List.of("状态：已报送"), sections, label);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("阳光花园 防疫日报 2026-03-02").contains("消毒面积：150.5 平方米").contains("状态：已报送");
        }
    }
}
