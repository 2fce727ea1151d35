package com.estateguard.evidence.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.evidence.internal.ChainReport;
import com.estateguard.evidence.internal.ChainVerifier;
import com.estateguard.evidence.internal.PurgeLog;
import com.estateguard.org.EstateChoice;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateRef;
import com.estateguard.org.OrgDirectory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The evidence chain page (证据链校验) for prevention administrators and the authorities above them:
 * verifies the chains of the chosen estate, or of every estate of a small scope, over a range of days
 * and shows "完整" or the breaks, and the purge log; {@code /evidence/verify.json} answers the same as JSON.
 * A district's or a city's thousands of estates are verified one estate at a time (issue 12): all of a
 * city's chains over a week are millions of seals, too many to walk for a page view.
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
        CurrentUser me = CurrentUser.require();
        EstateChoice choice = org.estateChoice(me.scopePath(), estate);
        Optional<List<Long>> verified = estates(choice, estate);
        ChainVerifier.Scope scope = scope(verified.orElse(List.of()), from, to);
        model.addAttribute("estates", choice);
        model.addAttribute("estate", estate);
        model.addAttribute("from", scope.from());
        model.addAttribute("to", scope.to());
        // A wide scope without an estate chosen: nothing verified, the page asks for an estate (no report).
        model.addAttribute("report", verified.map(ids -> verifier.verify(scope)).orElse(null));
        model.addAttribute("purges", purges.visibleTo(Set.copyOf(scope.estates())));
        return "evidence/chain";
    }

    @GetMapping(value = "/evidence/verify.json", produces = "application/json")
    @ResponseBody
    ChainReport json(@RequestParam(required = false) Long estate,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        CurrentUser me = CurrentUser.require();
        EstateChoice choice = org.estateChoice(me.scopePath(), estate);
        List<Long> verified = estates(choice, estate)
                .orElseThrow(() -> new InvalidInputException("evidence.chooseEstate", choice.total()));
        return verifier.verify(scope(verified, from, to));
    }

    /**
     * The estates to verify: the chosen one, which must lie in the reader's scope ("not found" otherwise), or every
     * estate of a scope small enough to be listed whole ({@link EstateChoice#LIST_MAX} estates); none for a wider scope
     * without one chosen.
     */
    private static Optional<List<Long>> estates(EstateChoice choice, Long estate) {
        if (estate != null) {
            // The choice lists the chosen estate only when it lies in the scope (a small scope: every estate of it).
            if (choice.options().stream().noneMatch(e -> e.id() == estate)) {
                throw new NotFoundException("estate", estate);
            }
            return Optional.of(List.of(estate));
        }
        return choice.searchable() ? Optional.empty() : Optional.of(choice.options().stream().map(EstateRef::id).toList());
    }

    /** The last week by default. */
    private ChainVerifier.Scope scope(List<Long> estates, LocalDate from, LocalDate to) {
        LocalDate last = to == null ? LocalDate.now(clock.withZone(zone)) : to;
        LocalDate first = from == null ? last.minusDays(DEFAULT_DAYS - 1) : from;
        return new ChainVerifier.Scope(estates, first, last);
    }
}
