package com.estateguard.supplies.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.org.EstateRef;
import com.estateguard.org.ListScope;
import com.estateguard.org.OrgDirectory;
import com.estateguard.supplies.internal.Supplies;
import com.estateguard.supplies.internal.SuppliesBoard;
import com.estateguard.supplies.internal.SupplyCategory;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The supplies ledger pages: estates in scope, and one estate's items, stock, cover and movements. */
@Controller
@PreAuthorize("hasAuthority('SUPPLY_READ')")
class SuppliesController {

    /** Estates a page on the region's list. */
    static final int PAGE = 50;

    private final Supplies supplies;
    private final SuppliesBoard board;
    private final OrgDirectory org;
    private final Clock clock;
    private final ZoneId zone;

    SuppliesController(Supplies supplies, SuppliesBoard board, OrgDirectory org, Clock clock, ZoneId zone) {
        this.supplies = supplies;
        this.board = board;
        this.org = org;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * A region's estates a page at a time with each one's items below cover today, the scope's total from the cockpit,
     * and the estate picker kept across pages (issue 12 §3).
     */
    @GetMapping("/supplies")
    String estates(@RequestParam(required = false) Long region, @RequestParam(required = false) Long estate,
                   @RequestParam(required = false) String after, @RequestParam(required = false) String before, Model model) {
        CurrentUser me = CurrentUser.require();
        if (me.estateId() != null) {
            return "redirect:/supplies/estates/" + me.estateId();
        }
        ListScope area = org.listScope(me, region, null);
        model.addAttribute("region", area.region());
        model.addAttribute("estate", estate);
        model.addAttribute("estates", org.estateChoice(area.path(), estate));
        model.addAttribute("board", board.board(me, area, estate, after, before, PAGE));
        return "supplies/list";
    }

    @GetMapping("/supplies/estates/{id}")
    String estate(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                  Model model) {
        CurrentUser me = CurrentUser.require();
        EstateRef estate = supplies.estate(id, me);
        LocalDate day = date == null ? LocalDate.now(clock.withZone(zone)) : date;
        List<Supplies.Item> items = supplies.items(id, me);
        model.addAttribute("estate", estate);
        model.addAttribute("day", day);
        model.addAttribute("stock", supplies.stock(estate, items, day));
        model.addAttribute("categories", SupplyCategory.values());
        return "supplies/estate";
    }

    @PostMapping("/supplies/estates/{id}/items")
    @PreAuthorize("hasAuthority('SUPPLY_WRITE')")
    String addItem(@PathVariable long id, @Valid @ModelAttribute Supplies.ItemForm form, RedirectAttributes flash) {
        supplies.addItem(id, form, CurrentUser.require());
        flash.addFlashAttribute("saved", form.name());
        return "redirect:/supplies/estates/" + id;
    }

    @PostMapping("/supplies/estates/{id}/movements")
    @PreAuthorize("hasAuthority('SUPPLY_WRITE')")
    String move(@PathVariable long id, @Valid @ModelAttribute Supplies.MovementForm form, RedirectAttributes flash) {
        supplies.move(id, form, CurrentUser.require());
        flash.addFlashAttribute("saved", form.quantity().toPlainString());
        return "redirect:/supplies/estates/" + id;
    }
}
