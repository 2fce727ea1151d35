package com.estateguard.supervision.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.DomainException;
import com.estateguard.supervision.Inspections;
import com.estateguard.supervision.TemplateItem;
import com.estateguard.supervision.internal.letter.LetterForm;
import com.estateguard.supervision.internal.letter.LetterLedgerExport;
import com.estateguard.supervision.internal.letter.Letters;
import com.estateguard.supervision.internal.letter.SignForm;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The responsibility letter's pages (压实责任一封信): the association publishes it and follows up the
 * unsigned ledger (未签阅台账) with reminders; each addressed office's head reads and signs it.
 */
@Controller
@PreAuthorize("hasAuthority('SUPERVISION_READ')")
class LetterController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** The template holding the letter's 12 questions (seed 003 附件3). */
    private static final String LETTER_TEMPLATE = "ZHONGSHAN_2022_LETTER";

    private final Letters letters;
    private final Inspections inspections;
    private final LetterLedgerExport export;
    private final Clock clock;
    private final ZoneId zone;

    LetterController(Letters letters, Inspections inspections, LetterLedgerExport export, Clock clock, ZoneId zone) {
        this.letters = letters;
        this.inspections = inspections;
        this.export = export;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/supervision/letters")
    String list(Model model) {
        model.addAttribute("letters", letters.letters(CurrentUser.require()));
        return "supervision/letters";
    }

    @GetMapping("/supervision/letters/new")
    @PreAuthorize("hasAuthority('SUPERVISION_MANAGE')")
    String newLetter(Model model) {
        List<String> questions = inspections.inUse(LETTER_TEMPLATE).map(inspections::items).orElse(List.of()).stream()
                .map(TemplateItem::text).toList();
        model.addAttribute("form", LetterForm.preset(LocalDateTime.now(clock.withZone(zone)), questions));
        return "supervision/letter-new";
    }

    /** A changed letter is a new one: its text copied into the form, published as the next version. */
    @GetMapping("/supervision/letters/{id}/revise")
    @PreAuthorize("hasAuthority('SUPERVISION_MANAGE')")
    String revise(@PathVariable long id, Model model) {
        model.addAttribute("form", LetterForm.revisionOf(letters.published(id, CurrentUser.require()), zone));
        return "supervision/letter-new";
    }

    @PostMapping("/supervision/letters")
    @PreAuthorize("hasAuthority('SUPERVISION_MANAGE')")
    String publish(@Valid @ModelAttribute("form") LetterForm form, BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                return "redirect:/supervision/letters/" + letters.publish(form, CurrentUser.require());
            } catch (DomainException e) {
                model.addAttribute("errorKey", e.messageKey());
                model.addAttribute("errorArgs", e.args());
            }
        }
        return "supervision/letter-new";
    }

    @GetMapping("/supervision/letters/{id}")
    String letter(@PathVariable long id, Model model) {
        model.addAttribute("view", letters.letter(id, CurrentUser.require()));
        return "supervision/letter";
    }

    /** The text exactly as hashed: {@code sha256sum} of this download is the SHA-256 every head signed against. */
    @GetMapping("/supervision/letters/{id}/content.txt")
    ResponseEntity<byte[]> content(@PathVariable long id) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(letters.contentText(id, CurrentUser.require()).getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/supervision/letters/{id}/recipients/{recipient}/signature")
    @PreAuthorize("hasAuthority('SUPERVISION_ANSWER')")
    String sign(@PathVariable long id, @PathVariable long recipient, @Valid @ModelAttribute SignForm form, RedirectAttributes flash) {
        letters.sign(id, recipient, form, CurrentUser.require());
        flash.addFlashAttribute("signed", true);
        return "redirect:/supervision/letters/" + id;
    }

    @PostMapping("/supervision/letters/{id}/recipients/{recipient}/reminders")
    @PreAuthorize("hasAuthority('SUPERVISION_MANAGE')")
    String remind(@PathVariable long id, @PathVariable long recipient, @RequestParam(required = false) String note,
                  RedirectAttributes flash) {
        letters.remind(id, recipient, note, CurrentUser.require());
        flash.addFlashAttribute("reminded", true);
        return "redirect:/supervision/letters/" + id + "/unsigned";
    }

    /** 未签阅台账: the offices that have not signed, their reminders, and every reminder sent. */
    @GetMapping("/supervision/letters/{id}/unsigned")
    String unsigned(@PathVariable long id, Model model) {
        CurrentUser me = CurrentUser.require();
        model.addAttribute("view", letters.letter(id, me));
        model.addAttribute("reminders", letters.reminders(id, me));
        return "supervision/letter-unsigned";
    }

    @GetMapping("/supervision/letters/{id}/unsigned.xlsx")
    ResponseEntity<byte[]> unsignedXlsx(@PathVariable long id) {
        var view = letters.letter(id, CurrentUser.require());
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("letter-" + id + "-unsigned.xlsx", StandardCharsets.UTF_8).build().toString())
                .body(export.unsigned(view));
    }
}
