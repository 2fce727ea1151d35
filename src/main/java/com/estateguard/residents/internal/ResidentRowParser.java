package com.estateguard.residents.internal;

import com.estateguard.common.IdNumber;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One row of an import file checked column by column; the first failing check is the row's reason.
 * {@link #reason(List)} looks at the row alone, so an import may check its rows in parallel; the
 * duplicate check ({@link #duplicate}) then runs over the good rows in file order.
 */
final class ResidentRowParser {

    private static final Pattern PHONE = Pattern.compile(ResidentLine.MOBILE_OR_LANDLINE);

    private ResidentRowParser() {
    }

    /** The row as a register line; only for a row without a {@link #reason}. */
    static ResidentLine line(List<String> cells) {
        return new ResidentLine(cell(cells, 0), cell(cells, 1), cell(cells, 2), cell(cells, 3),
                PersonKind.parse(cell(cells, 6)).orElseThrow(), cell(cells, 5), cell(cells, 4),
                yes(cell(cells, 7)), yes(cell(cells, 8)));
    }

    /** Why the row cannot be imported, judged on the row alone; null when it can. */
    static String reason(List<String> cells) {
        if (cell(cells, 0).isEmpty() || cell(cells, 2).isEmpty()) {
            return "楼栋或房号为空";
        }
        if (cell(cells, 3).isEmpty() || cell(cells, 3).length() > 40) {
            return "姓名为空或超过 40 字";
        }
        String id = IdNumber.normalise(cell(cells, 4));
        if (!IdNumber.valid(id)) {
            return "身份证号无效（GB 11643 校验失败）：" + IdNumber.mask(id);
        }
        if (!PHONE.matcher(cell(cells, 5)).matches()) {
            return "手机号格式不正确：" + cell(cells, 5);
        }
        if (PersonKind.parse(cell(cells, 6)).isEmpty()) {
            return "人员类别无法识别（应为 业主/租户/房东/流动人口）：" + cell(cells, 6);
        }
        if (!yesNo(cell(cells, 7)) || !yesNo(cell(cells, 8))) {
            return "“无智能手机”“门禁通行”应填 是 或 否";
        }
        return null;
    }

    /** For a row without a {@link #reason}, in file order: the earlier good row with the same ID number. */
    static String duplicate(List<String> cells, int rowNo, Map<String, Integer> seenIds) {
        Integer first = seenIds.putIfAbsent(IdNumber.normalise(cell(cells, 4)), rowNo);
        return first == null ? null : "身份证号与第 " + first + " 行重复";
    }

    private static String cell(List<String> cells, int i) {
        return i < cells.size() && cells.get(i) != null ? cells.get(i).trim() : "";
    }

    private static boolean yesNo(String v) {
        return v.isEmpty() || v.equals("是") || v.equals("否") || v.equalsIgnoreCase("Y") || v.equalsIgnoreCase("N");
    }

    private static boolean yes(String v) {
        return v.equals("是") || v.equalsIgnoreCase("Y");
    }
}
