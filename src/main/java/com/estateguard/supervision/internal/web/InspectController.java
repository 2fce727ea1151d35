package com.estateguard.supervision.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.DomainException;
import com.estateguard.common.Paging;
import com.estateguard.common.UploadedFile;
import com.estateguard.common.Uploads;
import com.estateguard.org.EstateChoice;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateRef;
import com.estateguard.org.ListScope;
import com.estateguard.org.OrgDirectory;
import com.estateguard.supervision.InspectionId;
import com.estateguard.supervision.InspectionKind;
import com.estateguard.supervision.InspectionPhoto;
import com.estateguard.supervision.Inspections;
import com.estateguard.supervision.InvalidItemValues;
import com.estateguard.supervision.ItemEntry;
import com.estateguard.supervision.ScoringMode;
import com.estateguard.supervision.SubmitInspection;
import com.estateguard.supervision.TemplateId;
import com.estateguard.supervision.TemplateItem;
import com.estateguard.supervision.YesNoNa;
import com.estateguard.supervision.internal.InspectionQueries;
import com.estateguard.supervision.internal.RecordFigures;
import com.estateguard.supervision.internal.Templates;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The inspection on a phone (SPV-02/03): choose an estate, fill each item with the estate's own
 * records beside it, submit; the result; the list of inspections in the user's scope. Field names
 * of the form: {@code v.<item>} a value, {@code a.<item>} an answer, {@code n.<item>} a note,
 * {@code p.<item>} photos of the item, {@code photos} photos of the whole inspection.
 */
@Controller
@PreAuthorize("hasAuthority('SUPERVISION_READ')")
class InspectController {

    /** The template an inspection starts from when none is chosen: the Huachuan score sheet. */
    static final String DEFAULT_TEMPLATE = "HUACHUAN_2021";

    private final Inspections inspections;
    private final InspectionQueries queries;
    private final Templates templates;
    private final RecordFigures figures;
    private final OrgDirectory org;
    private final Uploads uploads;
    private final Clock clock;
    private final ZoneId zone;

    InspectController(Inspections inspections, InspectionQueries queries, Templates templates, RecordFigures figures,
                      OrgDirectory org, Uploads uploads, Clock clock, ZoneId zone) {
        this.zone = zone;
        this.inspections = inspections;
        this.queries = queries;
        this.templates = templates;
        this.figures = figures;
        this.org = org;
        this.uploads = uploads;
        this.clock = clock;
    }

    /**
     * The estates the inspector may inspect, searched by name in SQL: a small scope's all without a search, a district's
     * or a city's only by a search.
     */
    @GetMapping("/supervision/inspect")
    @PreAuthorize("hasAuthority('SUPERVISION_INSPECT')")
    String choose(@RequestParam(required = false) String q, Model model) {
        CurrentUser me = CurrentUser.require();
        EstateOptions options = EstateOptions.of(org, me.scopePath(), q, null, EstateChoice.LIST_MAX);
        model.addAttribute("options", options);
        model.addAttribute("estates", options.estates());
        model.addAttribute("q", options.search());
        model.addAttribute("templates", templates.inUse());
        return "supervision/choose";
    }

    @GetMapping("/supervision/inspect/{estate}")
    @PreAuthorize("hasAuthority('SUPERVISION_INSPECT')")
    String form(@PathVariable long estate, @RequestParam(required = false) Long template,
                @RequestParam(required = false) InspectionKind kind, @RequestParam(required = false) Long campaign,
                @RequestParam(required = false) Long phase, @RequestParam(required = false) Long rechecks,
                @RequestParam(required = false) Long corrects, Model model) {
        CurrentUser me = CurrentUser.require();
        Map<String, String> values = new HashMap<>();
        Long templateId = template;
        Set<Long> carried = null;
        if (corrects != null) {
            var old = queries.detail(corrects, me);
            templateId = old.header().templateId();
            kind = old.header().kind();
            old.lines().forEach(l -> fill(values, l));
            values.put("note", old.header().note() == null ? "" : old.header().note());
        }
        if (rechecks != null) {
            var earlier = queries.detail(rechecks, me);
            templateId = earlier.header().templateId();
            kind = InspectionKind.RECHECK;
            carried = new java.util.HashSet<>();
            for (var l : earlier.lines()) {
                if (l.failed()) {
                    carried.add(l.item().id());
                } else {
                    fill(values, l);
                }
            }
        }
        prepare(model, estate, templateId, kind == null ? InspectionKind.GROUP : kind, campaign, phase, rechecks, corrects, carried,
                values, Map.of(), me);
        return "supervision/inspect";
    }

    @PostMapping("/supervision/inspect/{estate}")
    @PreAuthorize("hasAuthority('SUPERVISION_INSPECT')")
    String submit(@PathVariable long estate, @RequestParam long template, @RequestParam(required = false) InspectionKind kind,
                  @RequestParam(required = false) Long campaign, @RequestParam(required = false) Long phase,
                  @RequestParam(required = false) Long rechecks, @RequestParam(required = false) Long corrects,
                  @RequestParam MultiValueMap<String, String> params, jakarta.servlet.http.HttpServletRequest request, Model model,
                  HttpServletResponse response) throws IOException {
        CurrentUser me = CurrentUser.require();
        List<TemplateItem> items = templates.items(new TemplateId(template));
        Map<String, String> values = new HashMap<>();
        params.forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.get(0)));
        Set<Long> carried = null;
        if (rechecks != null) {
            carried = new java.util.HashSet<>();
            for (var l : queries.detail(rechecks, me).lines()) {
                if (l.failed()) {
                    carried.add(l.item().id());
                }
            }
        }
        List<ItemEntry> entries = new ArrayList<>();
        List<InvalidItemValues.Refusal> unreadable = new ArrayList<>();
        for (TemplateItem item : items) {
            if (carried != null && !carried.contains(item.id())) {
                continue;
            }
            String raw = values.get("v." + item.id());
            BigDecimal value = null;
            if (raw != null && !raw.isBlank()) {
                try {
                    value = new BigDecimal(raw.strip());
                } catch (NumberFormatException e) {
                    unreadable.add(new InvalidItemValues.Refusal(item.id(), item.text(), "supervision.item.notANumber", List.of(raw)));
                }
            }
            String answer = values.get("a." + item.id());
            YesNoNa yn = answer == null || answer.isBlank() ? null : YesNoNa.valueOf(answer);
            entries.add(new ItemEntry(item.id(), value, yn, values.get("n." + item.id())));
        }
        try {
            if (!unreadable.isEmpty()) {
                throw new InvalidItemValues(unreadable);
            }
            List<InspectionPhoto> photos = new ArrayList<>();
            for (TemplateItem item : items) {
                for (MultipartFile file : files(request, "p." + item.id())) {
                    UploadedFile checked = uploads.photo(file).orElse(null);
                    if (checked != null) {
                        photos.add(new InspectionPhoto(item.id(), checked.bytes(), checked.mediaType()));
                    }
                }
            }
            for (MultipartFile file : files(request, "photos")) {
                UploadedFile checked = uploads.photo(file).orElse(null);
                if (checked != null) {
                    photos.add(new InspectionPhoto(null, checked.bytes(), checked.mediaType()));
                }
            }
            InspectionId id = inspections.submit(new SubmitInspection(new TemplateId(template), new EstateId(estate), campaign, phase,
                    kind, rechecks == null ? null : new InspectionId(rechecks), corrects == null ? null : new InspectionId(corrects),
                    entries, values.get("note"), photos), me);
            return "redirect:/supervision/inspections/" + id.value() + "?submitted="
                    + java.net.URLEncoder.encode(draftKey(estate, template, corrects, rechecks), java.nio.charset.StandardCharsets.UTF_8);
        } catch (InvalidItemValues e) {
            Map<Long, InvalidItemValues.Refusal> errors = new LinkedHashMap<>();
            e.refusals().forEach(r -> errors.putIfAbsent(r.itemId(), r));
            response.setStatus(422);
            prepare(model, estate, template, kind == null ? InspectionKind.GROUP : kind, campaign, phase, rechecks, corrects, carried,
                    values, errors, me);
            return "supervision/inspect";
        } catch (DomainException e) {
            if (e instanceof com.estateguard.common.NotFoundException || e instanceof com.estateguard.common.NotPermittedException) {
                throw e;
            }
            response.setStatus(422);
            model.addAttribute("errorKey", e.messageKey());
            model.addAttribute("errorArgs", e.args());
            prepare(model, estate, template, kind == null ? InspectionKind.GROUP : kind, campaign, phase, rechecks, corrects, carried,
                    values, Map.of(), me);
            return "supervision/inspect";
        }
    }

    /**
     * The inspections of the reader's scope, or of a region in it, optionally of the days {@code from} to {@code to} and
     * without correction records (the list behind the cockpit's "inspected in the last 30 days").
     */
    @GetMapping("/supervision/inspections")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Boolean qualified,
                @RequestParam(required = false) Long region, @RequestParam(required = false) Long estate,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(defaultValue = "true") boolean corrections, @RequestParam(required = false) String after,
                @RequestParam(required = false) String before, @RequestParam(required = false) Integer size, Model model) {
        ListScope scope = org.listScope(CurrentUser.require(), region, null);
        var filter = new InspectionQueries.Filter(q, qualified, estate, from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), corrections);
        model.addAttribute("result", queries.list(filter, scope.path(), after, before, Paging.clampSize(size)));
        model.addAttribute("q", q);
        model.addAttribute("qualified", qualified);
        model.addAttribute("region", scope.region());
        model.addAttribute("estate", estate);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("corrections", corrections ? null : false);
        model.addAttribute("size", size);
        return "supervision/inspections";
    }

    @GetMapping("/supervision/inspections/{id}")
    String result(@PathVariable long id, @RequestParam(required = false) String submitted, Model model) {
        CurrentUser me = CurrentUser.require();
        model.addAttribute("d", queries.detail(id, me));
        model.addAttribute("r", inspections.result(new InspectionId(id), me));
        model.addAttribute("submitted", submitted);
        return "supervision/result";
    }

    @GetMapping("/supervision/inspection-photos/{id}")
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        return Uploads.serve(queries.photo(id, CurrentUser.require()), "inspection-photo-" + id);
    }

    private void prepare(Model model, long estateId, Long templateId, InspectionKind kind, Long campaign, Long phase, Long rechecks,
                         Long corrects, Set<Long> carried, Map<String, String> values,
                         Map<Long, InvalidItemValues.Refusal> errors, CurrentUser me) {
        EstateRef estate = org.estateInScope(new EstateId(estateId), me);
        long tid = templateId != null ? templateId
                : templates.inUse(DEFAULT_TEMPLATE).or(() -> templates.inUse().stream().findFirst().map(s -> new TemplateId(s.id())))
                        .orElseThrow(() -> new com.estateguard.common.NotFoundException("template", DEFAULT_TEMPLATE)).value();
        Templates.Detail template = templates.detail(tid);
        model.addAttribute("estate", estate);
        model.addAttribute("t", template);
        model.addAttribute("templates", templates.inUse());
        model.addAttribute("beside", figures.beside(template.items(), new EstateId(estate.id()), clock.instant()));
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", InspectionKind.values());
        model.addAttribute("answers", YesNoNa.values());
        model.addAttribute("campaign", campaign);
        model.addAttribute("phase", phase);
        model.addAttribute("rechecks", rechecks);
        model.addAttribute("corrects", corrects);
        model.addAttribute("carried", carried);
        model.addAttribute("values", values);
        model.addAttribute("itemErrors", errors);
        model.addAttribute("draftKey", draftKey(estate.id(), tid, corrects, rechecks));
    }

    /** The key the phone keeps the draft under until it is submitted. */
    static String draftKey(long estate, long template, Long corrects, Long rechecks) {
        return "inspection:" + estate + ":" + template + (corrects == null ? "" : ":c" + corrects) + (rechecks == null ? "" : ":r" + rechecks);
    }

    private static List<MultipartFile> files(jakarta.servlet.http.HttpServletRequest request, String name) {
        return request instanceof MultipartHttpServletRequest multipart ? multipart.getFiles(name) : List.of();
    }

    private static void fill(Map<String, String> values, InspectionQueries.Line l) {
        long id = l.item().id();
        if (l.entered() != null) {
            values.put("v." + id, l.entered().stripTrailingZeros().toPlainString());
        }
        if (l.answer() != null) {
            values.put("a." + id, l.answer().name());
        }
        if (l.note() != null) {
            values.put("n." + id, l.note());
        }
    }

    /** For the form: whether the mode is scored with a number the inspector types (graded, deduction). */
    static boolean typed(ScoringMode mode) {
        return mode == ScoringMode.GRADED || mode == ScoringMode.DEDUCTION;
    }
}
