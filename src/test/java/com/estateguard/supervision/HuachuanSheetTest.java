package com.estateguard.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Huachuan 评分表 as the preset migration installs it: 8 sections whose 总分值 the seed prints
 * (10, 10, 20, 20, 15, 5, 10, 10), each the sum of its items' 分值, 100 at full marks.
 */
class HuachuanSheetTest {

    static final Path PRESETS = Path.of("src/main/resources/db/migration/supervision/V95__supervision_preset_templates.sql");
    static final Pattern SECTION = Pattern.compile("values \\(t, (\\d+), '([^']+)', ([0-9.]+)\\)");
    static final Pattern ITEM = Pattern.compile("sup_preset_item\\(s, \\d+, '([^']+)', ([0-9.]+), ([0-9.]+), '([A-Z_]+)'");

    record Section(String title, BigDecimal printed, List<BigDecimal> items) {
        BigDecimal sum() {
            return items.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    @Test
    void sectionsAddUpAsTheSeedPrintsThemAndTheSheetTo100() throws IOException {
        String sql = Files.readString(PRESETS, StandardCharsets.UTF_8);
        String huachuan = sql.substring(sql.indexOf("'HUACHUAN_2021'"), sql.indexOf("'ZHONGSHAN_2022_FORM'"));
        List<Section> sections = new ArrayList<>();
        for (String line : huachuan.lines().toList()) {
            Matcher s = SECTION.matcher(line);
            if (s.find()) {
                sections.add(new Section(s.group(2), new BigDecimal(s.group(3)), new ArrayList<>()));
            }
            Matcher i = ITEM.matcher(line);
            if (i.find()) {
                sections.get(sections.size() - 1).items().add(new BigDecimal(i.group(2)));
            }
        }
        assertThat(sections).extracting(Section::title).containsExactly("建立健全防控机制", "做好疫情防控宣传", "执行“一测二问三核查”制度",
                "加强消毒消杀和通风换气", "做好小区院内垃圾清运工作", "关闭活动场所，避免人群聚集", "做好员工培训和内部管控", "积极做好防疫物资储备工作");
        assertThat(sections).extracting(s -> s.printed().intValue()).containsExactly(10, 10, 20, 20, 15, 5, 10, 10);
        for (Section s : sections) {
            assertThat(s.sum()).as(s.title()).isEqualByComparingTo(s.printed());
        }
        assertThat(sections.stream().map(Section::sum).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100");
        // The table prints 21 rows of 评分标准 (the "20 items" miscounts them).
        assertThat(sections.stream().mapToInt(s -> s.items().size()).sum()).isEqualTo(21);
    }
}
