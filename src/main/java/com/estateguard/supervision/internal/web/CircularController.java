package com.estateguard.supervision.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.supervision.internal.circular.CampaignArchive;
import com.estateguard.supervision.internal.circular.CampaignPhases;
import com.estateguard.supervision.internal.circular.CircularDocument;
import com.estateguard.supervision.internal.circular.CircularFigures;
import com.estateguard.supervision.internal.circular.CircularForm;
import com.estateguard.supervision.internal.circular.Circulars;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Circulars (通报) of a campaign phase: previewed and published by an authority, read by everyone in
 * its scope, as a page, a PDF and a workbook; and a campaign's archive workbook (SPV-11).
 */
@Controller
@PreAuthorize("hasAuthority('SUPERVISION_READ')")
class CircularController {

    /** Rows each table of a circular's page lists (a city has thousands of estates: the PDF and Excel have them all). */
    static final int LISTED = 200;

    private final Circulars circulars;
    private final CircularDocument document;
    private final CampaignArchive archive;
    private final CampaignPhases campaigns;

    CircularController(Circulars circulars, CircularDocument document, CampaignArchive archive, CampaignPhases campaigns) {
        this.circulars = circulars;
        this.document = document;
        this.archive = archive;
        this.campaigns = campaigns;
    }

    @GetMapping("/supervision/circulars")
    String list(Model model) {
        CurrentUser me = CurrentUser.require();
        model.addAttribute("circulars", circulars.circulars(me));
        model.addAttribute("phases", campaigns.phases(me));
        return "supervision/circulars";
    }

    /** The figures as they stand, before publishing. */
    @GetMapping("/supervision/circulars/preview")
    @PreAuthorize("hasAuthority('SUPERVISION_MANAGE')")
    String preview(@Valid @ModelAttribute CircularForm form, Model model) {
        CurrentUser me = CurrentUser.require();
        listed(model, circulars.compile(form.phaseId(), form.goodExamples() == null ? 3 : form.goodExamples(), me));
        model.addAttribute("form", form);
        return "supervision/circular";
    }

    @PostMapping("/supervision/circulars")
    @PreAuthorize("hasAuthority('SUPERVISION_MANAGE')")
    String publish(@Valid @ModelAttribute CircularForm form) {
        return "redirect:/supervision/circulars/" + circulars.publish(form, CurrentUser.require());
    }

    @GetMapping("/supervision/circulars/{id}")
    String circular(@PathVariable long id, Model model) {
        var c = circulars.circular(id, CurrentUser.require());
        model.addAttribute("circular", c);
        listed(model, c.figures());
        return "supervision/circular";
    }

    @GetMapping("/supervision/circulars/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return file(document.pdf(circulars.circular(id, CurrentUser.require())), MediaType.APPLICATION_PDF, "circular-" + id + ".pdf");
    }

    @GetMapping("/supervision/circulars/{id}/xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id) {
        return file(document.xlsx(circulars.circular(id, CurrentUser.require())), LetterController.XLSX, "circular-" + id + ".xlsx");
    }

    /** Every inspection, item score, order, answer and letter signature of the campaign, in the reader's scope. */
    @GetMapping("/supervision/campaigns/{id}/archive")
    ResponseEntity<byte[]> archive(@PathVariable long id) {
        return file(archive.xlsx(id, CurrentUser.require()), LetterController.XLSX, "campaign-" + id + "-archive.xlsx");
    }

    /** The figures and the first rows of each table (iterating thousands of rows to skip them costs the page most of its time). */
    private static void listed(Model model, CircularFigures figures) {
        var unqualified = figures.unqualified();
        model.addAttribute("figures", figures);
        model.addAttribute("listed", LISTED);
        model.addAttribute("unqualifiedCount", unqualified.size());
        model.addAttribute("unqualifiedListed", head(unqualified));
        model.addAttribute("trainingListed", head(figures.training()));
        model.addAttribute("resultsListed", head(figures.results()));
    }

    private static <T> java.util.List<T> head(java.util.List<T> rows) {
        return rows.size() > LISTED ? rows.subList(0, LISTED) : rows;
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
