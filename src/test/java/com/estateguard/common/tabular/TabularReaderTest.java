package com.estateguard.common.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.common.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

/** Uploaded CSV and Excel files read the same way for every import. */
class TabularReaderTest {

    @Test
    void aQuotedCommaStaysInItsCell() throws IOException {
        TabularFile file = csv("姓名,地址\n王建国,\"9栋, 1单元\"\n");

        assertThat(file.dataRows()).singleElement().extracting(TabularRow::cells).isEqualTo(List.of("王建国", "9栋, 1单元"));
    }

    @Test
    void aQuotedNewlineStaysInItsRowAndLaterRowsKeepTheirExcelNumbers() throws IOException {
        TabularFile file = csv("姓名,备注\n王建国,\"第一行\n第二行\"\n李桂兰,无\n");

        assertThat(file.dataRows()).extracting(TabularRow::number).containsExactly(2, 3);
        assertThat(file.dataRows().get(0).cell(1)).isEqualTo("第一行\n第二行");
    }

    @Test
    void aDoubledQuoteIsOneQuote() throws IOException {
        TabularFile file = csv("姓名,备注\n王建国,\"人称\"\"老王\"\"\"\n");

        assertThat(file.dataRows().get(0).cell(1)).isEqualTo("人称\"老王\"");
    }

    @Test
    void theByteOrderMarkExcelWritesIsNotPartOfTheFirstHeader() throws IOException {
        TabularFile file = csv("\uFEFF姓名,身份证号\n王建国,1\n");

        assertThat(file.rows().get(0).cell(0)).isEqualTo("姓名");
    }

    @Test
    void blankLinesAreSkippedButStillCountInTheRowNumbers() throws IOException {
        TabularFile file = csv("姓名,电话\n\n王建国,1\n , \n李桂兰,2\n\n");

        assertThat(file.dataRows()).extracting(TabularRow::number).containsExactly(3, 5);
    }

    @Test
    void cellsAreTrimmed() throws IOException {
        TabularFile file = csv("姓名,电话\n  王建国 ,\" 139 \"\n");

        assertThat(file.dataRows().get(0).cells()).containsExactly("王建国", "139");
    }

    @Test
    void aCsvSavedByChineseExcelInGbkIsDecoded() throws IOException {
        byte[] gbk = "姓名,结果\n王建国,阴性\n".getBytes(Charset.forName("GBK"));

        TabularFile file = TabularReader.read("名单.csv", new ByteArrayInputStream(gbk), 10);

        assertThat(file.rows().get(0).cells()).containsExactly("姓名", "结果");
        assertThat(file.dataRows().get(0).cells()).containsExactly("王建国", "阴性");
    }

    @Test
    void anExcelFileReadsBackWithItsRowNumbersAndHeaderWidth() throws IOException {
        var out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("名册");
        sheet.value(0, 0, "姓名");
        sheet.value(0, 1, "身份证号");
        sheet.value(0, 2, "备注");
        sheet.value(1, 0, " 王建国 ");
        sheet.value(1, 1, "110105198001011237");
        sheet.value(3, 0, "李桂兰");
        workbook.finish();

        TabularFile file = TabularReader.read("名册.XLSX", new ByteArrayInputStream(out.toByteArray()), 10);

        assertThat(file.dataRows()).extracting(TabularRow::number).containsExactly(2, 4);
        assertThat(file.dataRows().get(0).cells()).containsExactly("王建国", "110105198001011237", "");
        assertThat(file.dataRows().get(1).cells()).containsExactly("李桂兰", "", "");
    }

    @Test
    void aCorruptExcelFileIsTheUsersToFix() {
        byte[] notAWorkbook = "姓名,身份证号\n王建国,1\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> TabularReader.read("名册.xlsx", new ByteArrayInputStream(notAWorkbook), 10))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo("error.import.unreadable");
    }

    @Test
    void aTruncatedExcelFileIsTheUsersToFix() throws IOException {
        var out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        workbook.newWorksheet("名册").value(0, 0, "姓名");
        workbook.finish();
        byte[] truncated = java.util.Arrays.copyOf(out.toByteArray(), out.size() / 2);

        assertThatThrownBy(() -> TabularReader.read("名册.xlsx", new ByteArrayInputStream(truncated), 10))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anUnclosedQuoteMakesTheCsvUnreadable() {
        assertThatThrownBy(() -> csv("姓名,备注\n王建国,\"没有结束\n"))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo("error.import.unreadable");
    }

    @Test
    void moreDataRowsThanTheCapAreRefused() throws IOException {
        assertThat(TabularReader.read("a.csv", stream("姓名\n甲\n乙\n"), 2).dataRows()).hasSize(2);

        assertThatThrownBy(() -> TabularReader.read("a.csv", stream("姓名\n甲\n乙\n丙\n"), 2))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo("error.import.tooMany");
    }

    @Test
    void streamingHandsOverTheRowsUnderTheHeaderInFileOrderWithTheSameCap() throws IOException {
        List<TabularRow> rows = new java.util.ArrayList<>();

        int count = TabularReader.stream("a.csv", stream("姓名,电话\n甲,1\n\n乙 ,2\n"), 2, rows::add);

        assertThat(count).isEqualTo(2);
        assertThat(rows).extracting(TabularRow::number).containsExactly(2, 4);
        assertThat(rows.get(1).cells()).containsExactly("乙", "2");
        assertThatThrownBy(() -> TabularReader.stream("a.csv", stream("姓名\n甲\n乙\n丙\n"), 2, row -> { }))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo("error.import.tooMany");
    }

    @Test
    void whatTheReceiverThrowsComesBackAsItWasNotAsAnUnreadableFile() throws IOException {
        var out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("名册");
        sheet.value(0, 0, "姓名");
        sheet.value(1, 0, "王建国");
        workbook.finish();
        IllegalStateException stop = new IllegalStateException("stop");

        assertThatThrownBy(() -> TabularReader.stream("名册.xlsx", new ByteArrayInputStream(out.toByteArray()), 10, row -> {
            throw stop;
        })).isSameAs(stop);
        assertThatThrownBy(() -> TabularReader.stream("名册.csv", stream("姓名\n甲\n"), 10, row -> {
            throw stop;
        })).isSameAs(stop);
    }

    @Test
    void aFileOfBlankLinesHasNoHeader() throws IOException {
        assertThat(csv("\n , \n").isEmpty()).isTrue();
    }

    private static TabularFile csv(String text) throws IOException {
        return TabularReader.read("名单.csv", stream(text), 100);
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
