package com.estateguard.cockpit.internal;

import com.estateguard.cockpit.CockpitPermission;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.NotPermittedException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** Turns a cockpit view into what the page and its charts show, each number with the list behind it. */
@Component
public class CockpitCharts {

    private static final List<String> VERDICTS = List.of("ALLOW", "REFUSE", "REFER");
    private static final String REFUSAL = "REFUSAL.";

    private final Cockpit cockpit;
    private final MessageSource messages;

    CockpitCharts(Cockpit cockpit, MessageSource messages) {
        this.cockpit = cockpit;
        this.messages = messages;
    }

    public Cockpit.View view(CurrentUser me, Long region, Long estate, LocalDate day) {
        if (!me.can(CockpitPermission.COCKPIT_READ)) {
            throw new NotPermittedException();
        }
        Cockpit.Place at = estate != null ? cockpit.estate(estate, me) : region != null ? cockpit.region(region, me) : cockpit.home(me);
        LocalDate today = cockpit.today();
        return cockpit.view(at, day == null || day.isAfter(today) ? today : day, me.scopePath());
    }

    /** A place's own page in the drill-down. */
    public String drill(Cockpit.Place place, LocalDate day) {
        return UriComponentsBuilder.fromPath("/cockpit").queryParam(place.estate() ? "estate" : "region", place.id())
                .queryParam("day", day).build().toUriString();
    }

    /**
     * The check list behind an entry count: the period, inward, the place's estate or region, the verdict (and reason),
     * so the list holds the records the count counts.
     */
    public String checks(Cockpit.View view, Cockpit.Place place, String verdict, String reason) {
        var uri = UriComponentsBuilder.fromPath("/checks").queryParam("from", view.from()).queryParam("to", view.to())
                .queryParam("direction", "IN").queryParam(place.estate() ? "estate" : "region", place.id());
        if (verdict != null) {
            uri.queryParam("decision", verdict);
        }
        if (reason != null) {
            uri.queryParam("reason", reason);
        }
        return uri.build().toUriString();
    }

    /** The links of the totals: each verdict's check list. */
    public Map<String, String> links(Cockpit.View view) {
        Map<String, String> links = new LinkedHashMap<>();
        VERDICTS.forEach(v -> links.put(v, checks(view, view.at(), v, null)));
        return links;
    }

    public record Ledger(String key, String label, long value, String link, boolean alarming) {
    }

    /** The ledgers' figures of the day, each with its list narrowed to the place. */
    public List<Ledger> ledger(Cockpit.View view) {
        return java.util.Arrays.stream(LedgerFigure.values())
                .map(f -> new Ledger(f.key(), f.label(), view.get(f.key()), f.link(view.at(), view.to()), f.alarming())).toList();
    }

    /** A number of the parts' table: its figure ({@code ENTRY.<verdict>} or a ledger's), value and list. */
    public record Cell(String figure, long value, String link, boolean alarming) {
    }

    public record Row(String name, String kind, String link, List<Cell> cells) {
    }

    /** The columns of the parts' table: message keys. */
    public List<String> columns() {
        List<String> columns = new ArrayList<>(VERDICTS.stream().map(v -> "verdict." + v).toList());
        TABLE.forEach(f -> columns.add(f.label()));
        return columns;
    }

    private static final List<LedgerFigure> TABLE = List.of(LedgerFigure.FOLLOWUP_OPEN, LedgerFigure.REPORT_MISSING,
            LedgerFigure.REPORT_LATE, LedgerFigure.HYGIENE_NON_COMPLIANT, LedgerFigure.SUPPLY_BELOW_COVER,
            LedgerFigure.STAFF_UNFIT, LedgerFigure.INCIDENT_OPEN, LedgerFigure.ORDER_OPEN);

    /**
     * The parts one level down, each named with a link to its own cockpit and every number with the list behind it,
     * narrowed to the part (a region or an estate): the checks, or the ledger's list.
     */
    public List<Row> rows(Cockpit.View view) {
        return view.parts().stream().map(p -> {
            List<Cell> cells = new ArrayList<>();
            VERDICTS.forEach(v -> cells.add(new Cell("ENTRY." + v, p.get("ENTRY." + v), checks(view, p.place(), v, null),
                    "REFUSE".equals(v))));
            TABLE.forEach(f -> cells.add(new Cell(f.key(), p.get(f.key()), f.link(p.place(), view.to()), f.alarming())));
            return new Row(p.place().name(), p.place().kind(), drill(p.place(), view.to()), cells);
        }).toList();
    }

    public record Reason(String code, String label, long n, String link) {
    }

    /** Refusals by reason, most first. */
    public List<Reason> reasons(Cockpit.View view) {
        List<Reason> reasons = new ArrayList<>();
        view.totals().forEach((k, n) -> {
            if (k.startsWith(REFUSAL) && n > 0) {
                String code = k.substring(REFUSAL.length());
                reasons.add(new Reason(code, label("reason." + code, code), n, checks(view, view.at(), "REFUSE", code)));
            }
        });
        reasons.sort((a, b) -> Long.compare(b.n(), a.n()));
        return reasons;
    }

    /** The charts' figures: the parts (for a region), entries over time, refusals by reason. */
    public Map<String, Object> json(Cockpit.View view) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("place", Map.of("kind", view.at().kind(), "id", view.at().id(), "name", view.at().name()));
        json.put("from", view.from().toString());
        json.put("to", view.to().toString());
        json.put("totals", view.totals());
        json.put("parts", view.parts().stream().map(p -> {
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("name", p.place().name());
            part.put("kind", p.place().kind());
            part.put("url", drill(p.place(), view.to()));
            VERDICTS.forEach(v -> part.put(v, p.get("ENTRY." + v)));
            part.put("checks", checks(view, p.place(), "REFUSE", null));
            return part;
        }).toList());
        json.put("time", time(view));
        json.put("reasons", reasons(view));
        json.put("labels", Map.of("ALLOW", label("verdict.ALLOW", "ALLOW"), "REFUSE", label("verdict.REFUSE", "REFUSE"),
                "REFER", label("verdict.REFER", "REFER")));
        return json;
    }

    private Map<String, Object> time(Cockpit.View view) {
        Map<LocalDateTime, Map<String, Long>> series = cockpit.overTime(view);
        List<String> labels = new ArrayList<>();
        Map<String, List<Long>> byVerdict = new LinkedHashMap<>();
        VERDICTS.forEach(v -> byVerdict.put(v, new ArrayList<>()));
        int steps = view.estate() ? Cockpit.ESTATE_DAYS : 24;
        for (int i = 0; i < steps; i++) {
            LocalDateTime t = view.estate() ? view.from().plusDays(i).atStartOfDay() : view.to().atStartOfDay().plusHours(i);
            labels.add(view.estate() ? t.toLocalDate().toString().substring(5) : String.format("%02d", i));
            Map<String, Long> at = series.getOrDefault(t, Map.of());
            VERDICTS.forEach(v -> byVerdict.get(v).add(at.getOrDefault("ENTRY." + v, 0L)));
        }
        Map<String, Object> time = new LinkedHashMap<>();
        time.put("labels", labels);
        time.putAll(byVerdict);
        return time;
    }

    private String label(String key, String fallback) {
        return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
    }
}
