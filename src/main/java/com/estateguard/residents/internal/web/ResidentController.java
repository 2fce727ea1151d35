package com.estateguard.residents.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.UploadedTable;
import com.estateguard.common.Uploads;
import com.estateguard.common.IdNumber;
import com.estateguard.common.InvalidInputException;
import com.estateguard.org.OrgDirectory;
import com.estateguard.residents.internal.PersonKind;
import com.estateguard.residents.internal.ResidentExport;
import com.estateguard.residents.internal.ResidentImport;
import com.estateguard.residents.internal.ResidentRegister;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The register pages: search and paging, add one person, Excel template, import and export. */
@Controller
@PreAuthorize("hasAuthority('RESIDENT_READ')")
class ResidentController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ResidentRegister register;
    private final ResidentImport imports;
    private final ResidentExport export;
    private final OrgDirectory org;
    private final Clock clock;
    private final ZoneId zone;
    private final Uploads uploads;

    ResidentController(ResidentRegister register, ResidentImport imports, ResidentExport export, OrgDirectory org,
                       Clock clock, ZoneId zone, Uploads uploads) {
        this.uploads = uploads;
        this.register = register;
        this.imports = imports;
        this.export = export;
        this.org = org;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/residents")
    String list(@RequestParam(required = false) Long estate, @RequestParam(required = false) String q,
                @RequestParam(required = false) PersonKind kind, @RequestParam(required = false) String after,
                @RequestParam(required = false) String before, @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        CurrentUser me = CurrentUser.require();
        Long chosen = estate != null ? estate : me.estateId();
        try {
            model.addAttribute("result", register.page(chosen, q, kind, me, after, before, 25));
        } catch (com.estateguard.common.SearchTooBroad e) {
            // The search stays in the box, with the reason, so the reader narrows it (an estate, a fuller name).
            model.addAttribute("result", new com.estateguard.common.KeysetPage<>(java.util.List.of(), null, null, 0, false));
            model.addAttribute("tooBroad", true);
        }
        model.addAttribute("estate", chosen);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", PersonKind.values());
        // A city's thousands of estates are searched by name in the filter, not sent as options; the forms offer the
        // estates of a small scope, or the one chosen in the filter.
        var choice = org.estateChoice(me.scopePath(), chosen);
        model.addAttribute("estateChoice", choice);
        model.addAttribute("wideSearch", chosen == null && choice.total() > ResidentRegister.WIDE_SCOPE);
        model.addAttribute("estates", choice.options());
        model.addAttribute("batches", imports.recent(me));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ResidentForm(chosen, "", "", "", "", PersonKind.OWNER, "", "", false, false));
        }
        return htmx != null ? "residents/list :: results" : "residents/list";
    }

    @PostMapping("/residents")
    @PreAuthorize("hasAuthority('RESIDENT_WRITE')")
    String add(@Valid @ModelAttribute("form") ResidentForm form, BindingResult errors, Model model) {
        if (!errors.hasFieldErrors("idNumber") && !IdNumber.valid(form.idNumber())) {
            errors.rejectValue("idNumber", "residents.error.idInvalid");
        }
        if (!errors.hasErrors()) {
            try {
                register.add(form.estateId(), form.line(), CurrentUser.require());
                return "redirect:/residents?estate=" + form.estateId() + "&added=1";
            } catch (InvalidInputException e) {
                errors.reject(e.messageKey(), e.args(), e.messageKey());
            }
        }
        model.addAttribute("formOpen", true);
        return list(form.estateId(), null, null, null, null, null, model);
    }

    @GetMapping("/residents/{id}/id-number")
    @PreAuthorize("hasAuthority('RESIDENT_ID_VIEW')")
    String fullId(@PathVariable long id, @RequestParam(required = false) String reason, Model model) {
        model.addAttribute("idNumber", register.fullIdNumber(id, reason, CurrentUser.require()));
        return "residents/list :: fullId";
    }

    @GetMapping("/residents/template.xlsx")
    void template(HttpServletResponse response) throws IOException {
        attachment(response, "住户导入模板.xlsx");
        export.template(response.getOutputStream());
    }

    /**
     * The register as Excel, for RESIDENT_EXPORT only. ID numbers are masked unless the user may
     * see them and gives a reason; the page posts the form so the reason stays out of the address.
     */
    @RequestMapping(value = "/residents/export.xlsx", method = {RequestMethod.GET, RequestMethod.POST})
    @PreAuthorize("hasAuthority('RESIDENT_EXPORT')")
    void exportXlsx(@RequestParam(required = false) Long estate, @RequestParam(required = false) String q,
                    @RequestParam(required = false) PersonKind kind, @RequestParam(required = false) String reason,
                    HttpServletResponse response) throws IOException {
        CurrentUser me = CurrentUser.require();
        if (estate != null) {
            register.estateInScope(estate, me);
        }
        attachment(response, "住户名册-" + LocalDate.now(clock.withZone(zone)) + ".xlsx");
        export.export(estate, q, kind, reason, me, response.getOutputStream());
    }

    @PostMapping("/residents/import")
    @PreAuthorize("hasAuthority('RESIDENT_WRITE')")
    String importFile(@RequestParam Long estate, @RequestParam MultipartFile file, Model model) throws IOException {
        UploadedTable table = uploads.table(file, "residents.import.type");
        model.addAttribute("importResult", imports.importFile(estate, table.fileName(), table.stream(), CurrentUser.require()));
        return list(estate, null, null, null, null, null, model);
    }

    private static void attachment(HttpServletResponse response, String fileName) {
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
    }
}
