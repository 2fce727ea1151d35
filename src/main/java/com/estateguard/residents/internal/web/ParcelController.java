package com.estateguard.residents.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.NotPermittedException;
import com.estateguard.org.EstateId;
import com.estateguard.residents.internal.Parcels;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Parcel intake at the pickup point and the resident's "my parcels" page. */
@Controller
class ParcelController {

    private final Parcels parcels;
    private final com.estateguard.org.OrgDirectory org;

    ParcelController(Parcels parcels, com.estateguard.org.OrgDirectory org) {
        this.parcels = parcels;
        this.org = org;
    }

    @GetMapping("/parcels")
    @PreAuthorize("hasAuthority('VISITOR_REGISTER')")
    String desk(Model model) {
        CurrentUser me = CurrentUser.require();
        model.addAttribute("parcels", parcels.waiting(me.estateId(), me));
        model.addAttribute("points", me.estateId() == null ? java.util.List.of() : org.pickupPoints(new EstateId(me.estateId())));
        return "residents/parcels";
    }

    @PostMapping("/parcels")
    @PreAuthorize("hasAuthority('VISITOR_REGISTER')")
    String intake(@RequestParam String building, @RequestParam(required = false) String unit, @RequestParam String room,
                  @RequestParam(required = false) String recipient, @RequestParam String pickupPoint,
                  @RequestParam(required = false) String carrier, @RequestParam(defaultValue = "false") boolean disinfected) {
        CurrentUser me = CurrentUser.require();
        if (me.estateId() == null) {
            throw new NotPermittedException();
        }
        parcels.intake(me.estateId(), building, unit, room, recipient, pickupPoint, carrier, disinfected, me);
        return "redirect:/parcels?saved=1";
    }

    @PostMapping("/parcels/{id}/picked-up")
    @PreAuthorize("hasAnyAuthority('VISITOR_REGISTER', 'VISITOR_PREREGISTER')")
    String pickedUp(@PathVariable long id, @RequestParam(defaultValue = "/parcels") String back) {
        parcels.pickUp(id, CurrentUser.require());
        return "redirect:" + ("/my/parcels".equals(back) ? "/my/parcels" : "/parcels");
    }

    @GetMapping("/my/parcels")
    @PreAuthorize("hasAuthority('VISITOR_PREREGISTER')")
    String mine(Model model) {
        model.addAttribute("parcels", parcels.mine(CurrentUser.require()));
        return "residents/my-parcels";
    }
}
