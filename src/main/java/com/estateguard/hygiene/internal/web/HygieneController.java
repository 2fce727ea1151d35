package com.estateguard.hygiene.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.DomainException;
import com.estateguard.common.UploadedFile;
import com.estateguard.common.Uploads;
import com.estateguard.emergency.ClosedPlaces;
import com.estateguard.hygiene.internal.Agent;
import com.estateguard.hygiene.internal.DisinfectionForm;
import com.estateguard.hygiene.internal.HygieneBoard;
import com.estateguard.hygiene.internal.HygieneRecords;
import com.estateguard.hygiene.internal.PlaceForm;
import com.estateguard.hygiene.internal.PlaceType;
import com.estateguard.hygiene.internal.Places;
import com.estateguard.hygiene.internal.RegionHygieneBoard;
import com.estateguard.hygiene.internal.SpecialWaste;
import com.estateguard.hygiene.internal.TerminalDisinfection;
import com.estateguard.org.EstateId;
import com.estateguard.org.ListScope;
import com.estateguard.org.OrgDirectory;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Hygiene pages: compliance per estate, an estate's places and day, and the cleaner's phone pages. Views only read. */
@Controller
@PreAuthorize("hasAuthority('HYGIENE_READ')")
class HygieneController {

    private static final int PAGE = 50;
    private static final int SEARCH_MAX = 40;

    private final HygieneBoard board;
    private final RegionHygieneBoard regionBoard;
    private final OrgDirectory org;
    private final HygieneRecords records;
    private final Places places;
    private final SpecialWaste waste;
    private final Uploads uploads;
    private final TerminalDisinfection terminal;
    private final ClosedPlaces closed;
    private final Clock clock;
    private final ZoneId zone;

    HygieneController(HygieneBoard board, RegionHygieneBoard regionBoard, OrgDirectory org, HygieneRecords records, Places places,
                      SpecialWaste waste, Uploads uploads, TerminalDisinfection terminal, ClosedPlaces closed, Clock clock, ZoneId zone) {
        this.board = board;
        this.regionBoard = regionBoard;
        this.org = org;
        this.records = records;
        this.places = places;
        this.waste = waste;
        this.uploads = uploads;
        this.terminal = terminal;
        this.closed = closed;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * The scope's estates with their compliance on the day, 50 a page by keyset (issue 12 §3), searched by name and
     * optionally only those with a task not met; an htmx request gets the results alone. Reads only.
     */
    @GetMapping("/hygiene")
    String estates(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                   @RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean noncompliant,
                   @RequestParam(required = false) String after, @RequestParam(required = false) String before,
                   @RequestParam(required = false) Long region,
                   @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        LocalDate day = date == null ? board.today() : date;
        var filter = new RegionHygieneBoard.Filter(q == null || q.length() <= SEARCH_MAX ? q : q.substring(0, SEARCH_MAX), noncompliant);
        model.addAttribute("day", day);
        model.addAttribute("q", filter.text());
        model.addAttribute("noncompliant", noncompliant);
        // A region of the caller's scope narrows the list (the list behind the cockpit's hygiene figures of a district).
        ListScope area = org.listScope(CurrentUser.require(), region, null);
        model.addAttribute("region", area.region());
        model.addAttribute("result", regionBoard.page(area, day, filter, after, before, PAGE));
        return htmx != null ? "hygiene/list :: results" : "hygiene/list";
    }

    @GetMapping("/hygiene/estates/{id}")
    String estate(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                  Model model) {
        CurrentUser me = CurrentUser.require();
        LocalDate day = date == null ? board.today() : date;
        model.addAttribute("board", board.board(id, day, me));
        model.addAttribute("places", places.of(id, me));
        model.addAttribute("containers", waste.containers(id, me));
        model.addAttribute("movements", waste.movements(id, me, 50));
        model.addAttribute("types", PlaceType.values());
        model.addAttribute("agents", Agent.values());
        closedPlaces(id, me, model);
        return "hygiene/estate";
    }

    /** The late and missed tasks of the day, for the estate's page (loaded by htmx). */
    @GetMapping("/hygiene/estates/{id}/summary")
    String summary(@PathVariable long id, Model model) {
        model.addAttribute("board", board.board(id, board.today(), CurrentUser.require()));
        return "hygiene/estate :: summary";
    }

    @PostMapping("/hygiene/estates/{id}/places")
    @PreAuthorize("hasAuthority('HYGIENE_PLAN')")
    String addPlace(@PathVariable long id, @Valid @ModelAttribute PlaceForm form, RedirectAttributes flash) {
        places.add(id, form, CurrentUser.require());
        flash.addFlashAttribute("saved", form.name());
        return "redirect:/hygiene/estates/" + id;
    }

    /** The cleaner's phone page: today's tasks of their estate. */
    @GetMapping("/hygiene/tasks")
    @PreAuthorize("hasAuthority('HYGIENE_RECORD')")
    String tasks(Model model) {
        CurrentUser me = CurrentUser.require();
        if (me.estateId() == null) {
            return "redirect:/hygiene";
        }
        model.addAttribute("board", board.board(me.estateId(), board.today(), me));
        model.addAttribute("agents", Agent.values());
        closedPlaces(me.estateId(), me, model);
        return "hygiene/tasks";
    }

    /** The places an incident closed (cordoned, not to be entered) and their terminal-disinfection tasks. */
    private void closedPlaces(long estateId, CurrentUser me, Model model) {
        model.addAttribute("closedPlaces", closed.closedIn(new EstateId(estateId)));
        model.addAttribute("terminalTasks", terminal.of(estateId, me));
    }

    @PostMapping("/hygiene/terminal/{id}")
    @PreAuthorize("hasAuthority('HYGIENE_RECORD')")
    String recordTerminal(@PathVariable long id, @Valid @ModelAttribute TerminalDisinfection.TerminalForm form, RedirectAttributes flash) {
        terminal.record(id, form, CurrentUser.require());
        flash.addFlashAttribute("terminalRecorded", true);
        return "redirect:/hygiene/tasks";
    }

    @GetMapping("/hygiene/tasks/{id}")
    @PreAuthorize("hasAuthority('HYGIENE_RECORD')")
    String recordForm(@PathVariable long id, Model model) {
        var task = records.task(id, CurrentUser.require());
        LocalDateTime now = LocalDateTime.now(clock.withZone(zone)).withSecond(0).withNano(0);
        LocalDateTime doneAt = task.day().equals(now.toLocalDate()) ? now : task.day().atTime(12, 0);
        model.addAttribute("task", task);
        model.addAttribute("draftKey", draftKey(id));
        model.addAttribute("form", new DisinfectionForm(doneAt, task.place().agent(), null, null, null, null));
        model.addAttribute("agents", task.place().type().allowedAgents());
        return "hygiene/record";
    }

    @PostMapping("/hygiene/tasks/{id}")
    @PreAuthorize("hasAuthority('HYGIENE_RECORD')")
    String record(@PathVariable long id, @Valid @ModelAttribute("form") DisinfectionForm form, BindingResult errors,
                  @RequestParam(required = false) MultipartFile photo, Model model, RedirectAttributes flash) throws IOException {
        CurrentUser me = CurrentUser.require();
        var task = records.task(id, me);
        if (!errors.hasErrors()) {
            try {
                UploadedFile checked = uploads.photo(photo).orElse(null);
                records.record(id, form, checked, me);
                flash.addFlashAttribute("recorded", task.place().name());
                // The task list drops the phone's draft of this record (drafts.js, data-draft-clear).
                flash.addFlashAttribute("recordedDraft", draftKey(id));
                return "redirect:/hygiene/tasks";
            } catch (DomainException e) {
                model.addAttribute("errorKey", e.messageKey());
                model.addAttribute("errorArgs", e.args());
            }
        }
        model.addAttribute("task", task);
        model.addAttribute("draftKey", draftKey(id));
        model.addAttribute("agents", task.place().type().allowedAgents());
        return "hygiene/record";
    }

    /** The key under which the cleaner's phone keeps an unsent record of this task (static/js/drafts.js). */
    private static String draftKey(long taskId) {
        return "hygiene-task-" + taskId;
    }

    @GetMapping("/hygiene/records/{id}/photo")
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        return Uploads.serve(records.photo(id, CurrentUser.require()), "hygiene-record-" + id);
    }
}
