package com.estateguard.supervision.internal.overview;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.NotFoundException;
import com.estateguard.common.Role;
import com.estateguard.org.CompanyId;
import com.estateguard.org.CompanyRef;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateRef;
import com.estateguard.org.EstateScope;
import com.estateguard.org.OrgDirectory;
import com.estateguard.supervision.InspectionKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What the estate's and the company's supervision pages show besides orders and sanctions. */
@Service
public class SupervisionOverview {

    public record InspectionRow(long id, InspectionKind kind, Instant submittedAt, String inspectorName, BigDecimal score,
                                BigDecimal maxScore, BigDecimal passMark, boolean qualified, Long rechecksId) {
    }

    private final JdbcClient jdbc;
    private final OrgDirectory org;

    SupervisionOverview(JdbcClient jdbc, OrgDirectory org) {
        this.jdbc = jdbc;
        this.org = org;
    }

    public EstateRef estate(long id, CurrentUser user) {
        return org.estateInScope(new EstateId(id), user);
    }

    public List<InspectionRow> inspections(long estateId, CurrentUser user) {
        return jdbc.sql("""
                        SELECT id, kind, submitted_at, inspector_name, score, max_score, pass_mark, qualified, rechecks_id
                          FROM sup_inspection WHERE estate_id = :e AND\s""" + EstateScope.where("estate_id")
                        + " ORDER BY submitted_at DESC LIMIT 100")
                .param("e", estateId).param("scope", EstateScope.bind(user.scopePath()))
                .query((rs, i) -> new InspectionRow(rs.getLong("id"), InspectionKind.valueOf(rs.getString("kind")),
                        rs.getTimestamp("submitted_at").toInstant(), rs.getString("inspector_name"), rs.getBigDecimal("score"),
                        rs.getBigDecimal("max_score"), rs.getBigDecimal("pass_mark"), rs.getBoolean("qualified"),
                        rs.getObject("rechecks_id", Long.class))).list();
    }

    /**
     * A company's page: authorities see any company (the register is theirs); a company's own people see their
     * company and its branches; estate staff see the company that manages their estate.
     */
    public CompanyRef company(long id, CurrentUser user) {
        CompanyRef company = org.company(CompanyId.of(id)).orElseThrow(() -> new NotFoundException("company", id));
        boolean visible = switch (user.role().level()) {
            case REGION -> true;
            case COMPANY -> company.path().startsWith(user.scopePath());
            case ESTATE -> user.estateId() != null
                    && org.estate(new EstateId(user.estateId()), user.scopePath()).map(e -> e.companyId() == id).orElse(false);
        };
        if (!visible || user.role() == Role.DEVICE) {
            throw new NotFoundException("company", id);
        }
        return company;
    }

    /** The company's estates the user may see. */
    public List<EstateRef> estatesOf(long companyId, CurrentUser user) {
        return org.estates(user.scopePath()).stream().filter(e -> e.companyId() == companyId).toList();
    }
}
