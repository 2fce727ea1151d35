package com.estateguard.supplies.internal;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateRef;
import com.estateguard.org.OrgDirectory;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Each property company's prevention budget (防疫保障资金, SUP-04) per year and what was spent
 * from it. A new budget figure is a new row; the latest one counts. Spending is append-only.
 */
@Service
public class Budgets {

    public record CompanyBudget(long companyId, String companyName, int year, BigDecimal budget, BigDecimal spent) {

        public BigDecimal remaining() {
            return budget == null ? null : budget.subtract(spent);
        }

        public boolean overspent() {
            return budget != null && spent.compareTo(budget) > 0;
        }
    }

    public record BudgetForm(@NotNull(message = "{sup.error.company}") Long companyId,
                             @NotNull(message = "{sup.error.year}") Integer year,
                             @NotNull(message = "{sup.error.amount}") @DecimalMin(value = "0", message = "{sup.error.amount}")
                             @DecimalMax(value = "1000000000", message = "{sup.error.amount}") BigDecimal amount) {
    }

    public record SpendingForm(@NotNull(message = "{sup.error.company}") Long companyId, Long estateId,
                               @NotNull(message = "{sup.error.time}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate spentOn,
                               @NotNull(message = "{sup.error.amount}") @DecimalMin(value = "0.01", message = "{sup.error.amount}")
                               @DecimalMax(value = "1000000000", message = "{sup.error.amount}") BigDecimal amount,
                               @NotBlank(message = "{sup.error.purpose}") @Size(max = 200, message = "{sup.error.purpose}") String purpose) {
    }

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final Clock clock;
    private final ZoneId zone;

    Budgets(JdbcClient jdbc, OrgDirectory org, Clock clock, ZoneId zone) {
        this.jdbc = jdbc;
        this.org = org;
        this.clock = clock;
        this.zone = zone;
    }

    public int thisYear() {
        return LocalDate.now(clock.withZone(zone)).getYear();
    }

    /** Companies of the estates the user can see: the scope of budgets follows the scope of estates. */
    public Map<Long, String> companies(CurrentUser user) {
        Map<Long, String> companies = new LinkedHashMap<>();
        org.estates(user.scopePath()).forEach(e -> companies.putIfAbsent(e.companyId(), e.companyName()));
        return companies;
    }

    public List<CompanyBudget> list(int year, CurrentUser user) {
        return companies(user).entrySet().stream().map(c -> new CompanyBudget(c.getKey(), c.getValue(), year,
                jdbc.sql("SELECT amount FROM sup_budget WHERE company_id = :c AND year = :y ORDER BY id DESC LIMIT 1")
                        .param("c", c.getKey()).param("y", year).query(BigDecimal.class).optional().orElse(null),
                jdbc.sql("SELECT coalesce(sum(amount), 0) FROM sup_spending WHERE company_id = :c AND extract(year FROM spent_on) = :y")
                        .param("c", c.getKey()).param("y", year).query(BigDecimal.class).single())).toList();
    }

    public void setBudget(BudgetForm form, CurrentUser user) {
        requireCompany(form.companyId(), user);
        if (form.year() < 2000 || form.year() > thisYear() + 1) {
            throw new InvalidInputException("sup.error.year");
        }
        jdbc.sql("INSERT INTO sup_budget (company_id, year, amount, created_by) VALUES (:c, :y, :a, :by)")
                .param("c", form.companyId()).param("y", form.year()).param("a", form.amount()).param("by", user.actor()).update();
    }

    public void spend(SpendingForm form, CurrentUser user) {
        requireCompany(form.companyId(), user);
        if (form.estateId() != null) {
            EstateRef estate = org.estate(new EstateId(form.estateId()), user.scopePath()).orElseThrow(() -> new NotFoundException("estate", form.estateId()));
            if (estate.companyId() != form.companyId()) {
                throw new InvalidInputException("sup.error.estateOfCompany");
            }
        }
        if (form.spentOn().isAfter(LocalDate.now(clock.withZone(zone)))) {
            throw new InvalidInputException("sup.error.future");
        }
        jdbc.sql("""
                        INSERT INTO sup_spending (company_id, estate_id, spent_on, amount, purpose, created_by)
                        VALUES (:c, :e, :d, :a, :p, :by)""")
                .param("c", form.companyId()).param("e", form.estateId()).param("d", form.spentOn()).param("a", form.amount())
                .param("p", form.purpose().trim()).param("by", user.actor()).update();
    }

    private void requireCompany(long companyId, CurrentUser user) {
        if (!companies(user).containsKey(companyId)) {
            throw new NotFoundException("company", companyId);
        }
    }
}
