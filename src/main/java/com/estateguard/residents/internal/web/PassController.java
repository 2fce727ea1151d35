package com.estateguard.residents.internal.web;

import com.estateguard.audit.AuditAction;
import com.estateguard.audit.AuditEntry;
import com.estateguard.audit.AuditTrail;
import com.estateguard.common.CurrentUser;
import com.estateguard.org.ListScope;
import com.estateguard.org.OrgDirectory;
import com.estateguard.residents.PassId;
import com.estateguard.residents.internal.Passes;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Pass pages: the list, issuing from the register, one pass with its QR, revoking, printing. */
@Controller
@PreAuthorize("hasAuthority('RESIDENT_READ')")
class PassController {

    static final int PAGE = 25;

    private final Passes passes;
    private final PassPdf pdf;
    private final OrgDirectory org;
    private final Clock clock;
    private final AuditTrail audit;

    PassController(Passes passes, PassPdf pdf, OrgDirectory org, Clock clock, AuditTrail audit) {
        this.passes = passes;
        this.pdf = pdf;
        this.org = org;
        this.clock = clock;
        this.audit = audit;
    }

    /** The passes of the reader's scope, or of a region or estate in it, a page at a time by keyset. */
    @GetMapping("/passes")
    String list(@RequestParam(required = false) Long region, @RequestParam(required = false) Long estate,
                @RequestParam(required = false) String after, @RequestParam(required = false) String before, Model model) {
        CurrentUser me = CurrentUser.require();
        Long chosen = estate != null ? estate : me.estateId();
        ListScope area = org.listScope(me, region, null);
        ListScope scope = chosen == null ? area : org.listScope(me, region, chosen);
        model.addAttribute("passes", passes.page(scope.path(), after, before, PAGE));
        model.addAttribute("region", area.region());
        model.addAttribute("estates", org.estateChoice(area.path(), chosen));
        model.addAttribute("estate", chosen);
        model.addAttribute("now", clock.instant());
        return "residents/passes";
    }

    @PostMapping("/residents/{personId}/pass")
    @PreAuthorize("hasAuthority('RESIDENT_WRITE')")
    String issue(@PathVariable long personId) {
        return "redirect:/passes/" + passes.issue(personId, CurrentUser.require()).id();
    }

    @GetMapping("/passes/{id}")
    String show(@PathVariable long id, Model model) {
        var pass = passes.byId(id, CurrentUser.require());
        String token = passes.token(pass);
        model.addAttribute("pass", pass);
        model.addAttribute("token", token);
        model.addAttribute("qr", PassQr.svg(token));
        model.addAttribute("now", clock.instant());
        return "residents/pass";
    }

    /** Resident self-service: my pass with its QR, on the phone. */
    @GetMapping("/my/pass")
    @PreAuthorize("hasAuthority('VISITOR_PREREGISTER')")
    String mine(Model model) {
        var pass = passes.mine(CurrentUser.require());
        if (pass.isEmpty()) {
            return "residents/my-pass-none";
        }
        String token = passes.token(pass.get());
        model.addAttribute("pass", pass.get());
        model.addAttribute("token", token);
        model.addAttribute("qr", PassQr.svg(token));
        model.addAttribute("now", clock.instant());
        return "residents/pass";
    }

    @PostMapping("/passes/{id}/revoke")
    @PreAuthorize("hasAuthority('RESIDENT_WRITE')")
    String revoke(@PathVariable long id, @RequestParam(required = false) String reason) {
        passes.revoke(new PassId(id), reason, CurrentUser.require());
        return "redirect:/passes/" + id;
    }

    @GetMapping("/passes/{id}.pdf")
    void printOne(@PathVariable long id, HttpServletResponse response) throws IOException {
        var pass = passes.byId(id, CurrentUser.require());
        print(List.of(pass), "出入证-" + id + ".pdf", response);
    }

    /** Every active pass of an estate in one PDF: names, rooms and valid tokens, so an export (RESIDENT_EXPORT), audited. */
    @GetMapping("/passes.pdf")
    @PreAuthorize("hasAuthority('RESIDENT_EXPORT')")
    void printAll(@RequestParam(required = false) Long region, @RequestParam(required = false) Long estate,
                  HttpServletResponse response) throws IOException {
        CurrentUser me = CurrentUser.require();
        Long chosen = estate != null ? estate : me.estateId();
        ListScope scope = org.listScope(me, region, chosen);   // "not found" outside the reader's scope
        var active = passes.list(scope.path()).stream().filter(p -> p.active(clock.instant())).toList();
        print(active, "出入证.pdf", response);
        audit.record(AuditEntry.by(me, AuditAction.EXPORT, "出入证批量打印（PDF）").inEstate(chosen).export(active.size(), true, null));
    }

    private void print(List<Passes.PassView> list, String name, HttpServletResponse response) throws IOException {
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "inline; filename*=UTF-8''"
                + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        pdf.write(list.stream().map(p -> new PassPdf.Printable(p, passes.token(p))).toList(), response.getOutputStream());
    }
}
