package com.estateguard.identity.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.identity.internal.DeviceKeyStore;
import com.estateguard.org.EntranceRef;
import com.estateguard.org.EstateId;
import com.estateguard.org.OrgDirectory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An estate administrator issues and revokes the API keys of its smart terminals (ACC-07). */
@Controller
@Validated
@PreAuthorize("hasAuthority('DEVICE_KEY_ADMIN')")
class DeviceKeyController {

    private final DeviceKeyStore keys;
    private final OrgDirectory org;

    DeviceKeyController(DeviceKeyStore keys, OrgDirectory org) {
        this.keys = keys;
        this.org = org;
    }

    @GetMapping("/devices")
    String list(Model model) {
        CurrentUser me = CurrentUser.require();
        model.addAttribute("keys", keys.list(me.scopePath()));
        List<EntranceRef> entrances = org.estates(me.scopePath()).stream()
                .flatMap(e -> org.entrances(new EstateId(e.id())).stream()).toList();
        model.addAttribute("entrances", entrances);
        return "devices/list";
    }

    @PostMapping("/devices")
    String issue(@RequestParam @NotNull Long entranceId, @RequestParam @NotBlank @Size(max = 60) String name,
                 RedirectAttributes redirect) {
        var issued = keys.issue(entranceId, name.trim(), CurrentUser.require());
        redirect.addFlashAttribute("issuedKey", issued.plainKey());
        return "redirect:/devices";
    }

    @PostMapping("/devices/{id}/revoke")
    String revoke(@PathVariable long id) {
        keys.revoke(id, CurrentUser.require());
        return "redirect:/devices";
    }
}
