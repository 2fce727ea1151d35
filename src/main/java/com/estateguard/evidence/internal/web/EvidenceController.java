package com.estateguard.evidence.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.evidence.internal.ChainReport;
import com.estateguard.evidence.internal.ChainVerifier;
import com.estateguard.evidence.internal.PurgeLog;
import com.estateguard.org.EstateRef;
import com.estateguard.org.OrgDirectory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The evidence chain page (证据链校验) for prevention administrators and the authorities above them:
 * verifies the chains of the estates in the reader's scope over a range of days and shows "完整" or
 * the breaks, and the purge log; {@code /evidence/verify.json} answers the same as JSON.
 */
@Controller
@PreAuthorize("hasAuthority('EVIDENCE_VERIFY')")
class EvidenceController {

    private static final int DEFAULT_DAYS = 7;

    private final ChainVerifier verifier;
    private final PurgeLog purges;
    private final OrgDirectory org;
    private final Clock clock;
    private final ZoneId zone;

    EvidenceController(ChainVerifier verifier, PurgeLog purges, OrgDirectory org, Clock clock, ZoneId zone) {
        this.verifier = verifier;
        this.purges = purges;
        this.org = org;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/evidence")
    String page(@RequestParam(required = false) Long estate,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        List<EstateRef> estates = org.estates(CurrentUser.require().scopePath());
        ChainVerifier.Scope scope = scope(estates, estate, from, to);
        model.addAttribute("estates", estates);
        model.addAttribute("estate", estate);
        model.addAttribute("from", scope.from());
        model.addAttribute("to", scope.to());
        model.addAttribute("report", verifier.verify(scope));
        model.addAttribute("purges", purges.visibleTo(estates.stream().map(EstateRef::id).toList()));
        return "evidence/chain";
    }

    @GetMapping(value = "/evidence/verify.json", produces = "application/json")
    @ResponseBody
    ChainReport json(@RequestParam(required = false) Long estate,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return verifier.verify(scope(org.estates(CurrentUser.require().scopePath()), estate, from, to));
    }

    /** The reader's estates (or the one chosen among them), the last week by default. */
    private ChainVerifier.Scope scope(List<EstateRef> inScope, Long estate, LocalDate from, LocalDate to) {
        LocalDate last = to == null ? LocalDate.now(clock.withZone(zone)) : to;
        LocalDate first = from == null ? last.minusDays(DEFAULT_DAYS - 1) : from;
        List<Long> ids = inScope.stream().map(EstateRef::id).filter(id -> estate == null || id.equals(estate)).toList();
        return new ChainVerifier.Scope(ids, first, last);
    }
}
