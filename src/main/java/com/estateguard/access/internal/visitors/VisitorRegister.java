package com.estateguard.access.internal.visitors;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The checkpoint's view of pre-registered visitors (ACC-11): who is expected today, and on what grounds. */
public interface VisitorRegister {

    /**
     * @param exception the outsider exception the host declared, e.g. "子女探视老人" (null: none)
     */
    record ExpectedVisit(long id, String hostName, String hostAddress, String exception, String plate) {
    }

    Optional<ExpectedVisit> expected(long estateId, String personKey, LocalDate day);

    /** A visitor expected on a day, as an offline gate lists them (issue 11): no ID number, only its masked form. */
    record ExpectedVisitor(String visitorName, String idMasked, String hostName, String hostAddress, String exception,
                           String plate) {
    }

    List<ExpectedVisitor> expectedOn(long estateId, LocalDate day);
}
