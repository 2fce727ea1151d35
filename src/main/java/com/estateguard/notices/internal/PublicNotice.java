package com.estateguard.notices.internal;

import com.estateguard.notices.CaseKind;
import com.estateguard.common.InvalidInputException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A case notice as the public sees it (病例公示): surname and a mask, building only. The only way
 * to make one is {@link #deidentify}, so nothing identifying can reach a published notice: the
 * name is reduced to the surname, anything finer than the building is dropped, and a note that
 * carries an ID number, a phone, a room or the person's name is refused.
 */
public final class PublicNotice {

    private static final Set<String> COMPOUND_SURNAMES = Set.of("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙",
            "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "端木", "独孤", "南宫", "西门");
    private static final Pattern ID_NUMBER = Pattern.compile("\\d{15}(\\d{2}[0-9Xx])?|\\d{17}[Xx]");
    private static final Pattern PHONE = Pattern.compile("\\d{7,}|1[3-9]\\d[\\s-]?\\d{4}[\\s-]?\\d{4}");
    private static final Pattern ROOM = Pattern.compile("\\d+\\s*(室|户|号房)|\\d+-\\d+(-\\d+)?");

    private final CaseKind kind;
    private final String maskedName;
    private final String building;
    private final LocalDate caseDate;
    private final String note;

    private PublicNotice(CaseKind kind, String maskedName, String building, LocalDate caseDate, String note) {
        this.kind = kind;
        this.maskedName = maskedName;
        this.building = building;
        this.caseDate = caseDate;
        this.note = note;
    }

    /** What staff know about the case; the identifying parts never leave this record. */
    public record CaseReport(CaseKind kind, String fullName, String building, LocalDate caseDate, String note) {
    }

    /** @param buildings the estate's buildings: the notice names one of them and nothing finer */
    public static PublicNotice deidentify(CaseReport report, List<String> buildings) {
        String name = report.fullName() == null ? "" : report.fullName().strip();
        if (name.isEmpty()) {
            throw new InvalidInputException("ntc.error.name");
        }
        if (!buildings.contains(report.building())) {
            throw new InvalidInputException("ntc.error.building");
        }
        String note = report.note() == null || report.note().isBlank() ? null : report.note().strip();
        if (note != null && identifies(note, name)) {
            throw new InvalidInputException("ntc.error.noteIdentifies");
        }
        return new PublicNotice(report.kind(), mask(name), report.building(), report.caseDate(), note);
    }

    static String mask(String fullName) {
        return surname(fullName) + "某";
    }

    private static String surname(String fullName) {
        return fullName.length() > 2 && COMPOUND_SURNAMES.contains(fullName.substring(0, 2))
                ? fullName.substring(0, 2) : fullName.substring(0, fullName.offsetByCodePoints(0, 1));
    }

    /** True when the text carries an ID number, a phone, a room, or (the given name of) any of the people named. */
    public static boolean identifiesAny(String text, List<String> fullNames) {
        if (ID_NUMBER.matcher(text).find() || PHONE.matcher(text).find() || ROOM.matcher(text).find()) {
            return true;
        }
        return fullNames.stream().filter(n -> n != null && !n.isBlank()).anyMatch(n -> identifies(text, n.strip()));
    }

    static boolean identifies(String text, String fullName) {
        // A compound surname (欧阳) leaves the given name after both characters: 欧阳晓明 is named by 晓明.
        String givenName = fullName.length() > 1 ? fullName.substring(surname(fullName).length()) : fullName;
        return ID_NUMBER.matcher(text).find() || PHONE.matcher(text).find() || ROOM.matcher(text).find()
                || text.contains(fullName) || (givenName.length() > 1 && text.contains(givenName));
    }

    public CaseKind kind() {
        return kind;
    }

    public String maskedName() {
        return maskedName;
    }

    public String building() {
        return building;
    }

    public LocalDate caseDate() {
        return caseDate;
    }

    public String note() {
        return note;
    }
}
