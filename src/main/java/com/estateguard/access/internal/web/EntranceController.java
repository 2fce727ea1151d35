package com.estateguard.access.internal.web;

import com.estateguard.access.internal.EntranceControl;
import com.estateguard.common.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Opening and closing an entrance (ACC-09), from the estate page. */
@Controller
class EntranceController {

    private final EntranceControl entrances;

    EntranceController(EntranceControl entrances) {
        this.entrances = entrances;
    }

    @PostMapping("/entrances/{id}/open")
    @PreAuthorize("hasAuthority('ENTRANCE_WRITE')")
    String setOpen(@PathVariable long id, @RequestParam boolean open, @RequestParam long estateId) {
        entrances.setOpen(id, open, CurrentUser.require());
        return "redirect:/estates/" + estateId;
    }
}
